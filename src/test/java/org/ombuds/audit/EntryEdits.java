package org.ombuds.audit;

import java.util.function.UnaryOperator;

/** Single-field edits a database administrator could make to a stored entry. */
enum EntryEdits implements UnaryOperator<AuditEntry> {
  SEQ {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return withSeq(e, e.seq() + 100);
    }
  },
  AT {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return new AuditEntry(
          e.seq(),
          e.at().plusMillis(1),
          e.kind(),
          e.actor(),
          e.subject(),
          e.outcome(),
          e.prevHash(),
          e.hash(),
          e.mac());
    }
  },
  KIND {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return new AuditEntry(
          e.seq(),
          e.at(),
          e.kind() == AuditKind.LOGIN_FAILED ? AuditKind.LOGIN_SUCCEEDED : AuditKind.LOGIN_FAILED,
          e.actor(),
          e.subject(),
          e.outcome(),
          e.prevHash(),
          e.hash(),
          e.mac());
    }
  },
  ACTOR {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return new AuditEntry(
          e.seq(),
          e.at(),
          e.kind(),
          e.actor() + "x",
          e.subject(),
          e.outcome(),
          e.prevHash(),
          e.hash(),
          e.mac());
    }
  },
  SUBJECT {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return new AuditEntry(
          e.seq(),
          e.at(),
          e.kind(),
          e.actor(),
          e.subject() + "x",
          e.outcome(),
          e.prevHash(),
          e.hash(),
          e.mac());
    }
  },
  OUTCOME {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return new AuditEntry(
          e.seq(),
          e.at(),
          e.kind(),
          e.actor(),
          e.subject(),
          e.outcome() + "x",
          e.prevHash(),
          e.hash(),
          e.mac());
    }
  },
  PREV_HASH {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return new AuditEntry(
          e.seq(),
          e.at(),
          e.kind(),
          e.actor(),
          e.subject(),
          e.outcome(),
          flipBit(e.prevHash(), 0),
          e.hash(),
          e.mac());
    }
  },
  HASH {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return withHash(e, flipBit(e.hash(), 0));
    }
  },
  MAC {
    @Override
    public AuditEntry apply(AuditEntry e) {
      return withMac(e, flipBit(e.mac(), 0));
    }
  };

  static AuditEntry withSeq(AuditEntry e, long seq) {
    return new AuditEntry(
        seq,
        e.at(),
        e.kind(),
        e.actor(),
        e.subject(),
        e.outcome(),
        e.prevHash(),
        e.hash(),
        e.mac());
  }

  static AuditEntry withActor(AuditEntry e, String actor) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.kind(),
        actor,
        e.subject(),
        e.outcome(),
        e.prevHash(),
        e.hash(),
        e.mac());
  }

  static AuditEntry withPrevHash(AuditEntry e, byte[] prevHash) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.kind(),
        e.actor(),
        e.subject(),
        e.outcome(),
        prevHash,
        e.hash(),
        e.mac());
  }

  static AuditEntry withHash(AuditEntry e, byte[] hash) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.kind(),
        e.actor(),
        e.subject(),
        e.outcome(),
        e.prevHash(),
        hash,
        e.mac());
  }

  static AuditEntry withMac(AuditEntry e, byte[] mac) {
    return new AuditEntry(
        e.seq(),
        e.at(),
        e.kind(),
        e.actor(),
        e.subject(),
        e.outcome(),
        e.prevHash(),
        e.hash(),
        mac);
  }

  /** A copy of {@code bytes} with bit {@code bit} (0 = lowest bit of byte 0) inverted. */
  static byte[] flipBit(byte[] bytes, int bit) {
    byte[] copy = bytes.clone();
    copy[bit / 8] ^= (byte) (1 << (bit % 8));
    return copy;
  }
}
