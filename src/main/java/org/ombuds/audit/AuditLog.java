package org.ombuds.audit;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.ombuds.audit.AuditAnchor.Head;
import org.ombuds.audit.Verification.Intact;
import org.ombuds.audit.Verification.Tampered;

/**
 * The tamper-evident audit log: appends chained, authenticated entries and verifies the whole log.
 *
 * <h2>Appending</h2>
 *
 * {@link #append} reads the last entry, builds the next one (seq + 1, linked to the last hash,
 * hashed, tagged by the {@link EntryAuthenticator}), inserts it in the caller's transaction and
 * asks {@link AfterCommit} to move the head outside the database to it once the transaction
 * commits. Appends are serialized within this object. The head only ever moves forward, even when
 * the after-commit actions of concurrent transactions run out of order. If moving the head fails
 * (an I/O error, thrown from the after-commit action), the entry stays committed and the head lags
 * until the next append moves it.
 *
 * <p>Before appending, the last entry is compared with the head. If the log is shorter than the
 * head records, or its last entry is the head's entry but with another hash, or the head's MAC does
 * not verify, {@code append} throws {@link AuditIntegrityException} instead of appending: otherwise
 * new entries would re-grow a truncated log and the head would move onto them, hiding the
 * truncation. This check is cheap (the head is read once, then kept in memory) and covers the last
 * entry only; {@link #verify()} checks everything.
 *
 * <h2>Verifying</h2>
 *
 * {@link #verify()} reads the head, then streams the log once and checks, in order, that:
 *
 * <ol>
 *   <li>entries are numbered 1, 2, 3, ... without gaps, repeats or reordering;
 *   <li>each entry's hash matches its content;
 *   <li>each entry's prevHash is the previous entry's hash (32 zero bytes for entry 1);
 *   <li>each entry's MAC verifies;
 *   <li>there is a head when there are entries, and its MAC verifies;
 *   <li>the log reaches at least the head's seq, and the entry there carries the head's hash.
 * </ol>
 *
 * It reports the first failure: the first bad entry if any entry fails checks 1-4, else the head
 * finding. An empty log without a head is intact.
 *
 * <p>The head may lag behind the log: entries committed just before a crash, whose after-commit
 * action did not run, are past the head. This is accepted (the chain and MACs still protect them),
 * and the next append moves the head past them. The price is that those few entries, and only
 * those, could be removed from the end unnoticed.
 *
 * <p>Call {@code verify} outside a long transaction: entries are expected to be at least as recent
 * as the head, which is read first.
 *
 * <h2>Head MAC</h2>
 *
 * The head's MAC is the authenticator's tag over a length-prefixed encoding of the label {@code
 * ombuds-audit-head-v1}, the seq and the hash, so an entry's MAC cannot stand in for it.
 */
public final class AuditLog {

  private final AuditStore store;
  private final EntryAuthenticator auth;
  private final AuditAnchor anchor;
  private final Clock clock;
  private final AfterCommit afterCommit;

  private final ReentrantLock lock = new ReentrantLock();

  /** The head as last read or written by this object; null until first needed. Guarded by lock. */
  private Optional<Head> knownHead;

  public AuditLog(
      AuditStore store,
      EntryAuthenticator auth,
      AuditAnchor anchor,
      Clock clock,
      AfterCommit afterCommit) {
    this.store = Objects.requireNonNull(store, "store");
    this.auth = Objects.requireNonNull(auth, "auth");
    this.anchor = Objects.requireNonNull(anchor, "anchor");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
  }

  /**
   * Records {@code event} as the next entry, in the caller's transaction. Thread-safe.
   *
   * @return the entry as inserted
   * @throws AuditIntegrityException if the log disagrees with the head outside the database (see
   *     the class description)
   * @throws MalformedAnchorException if the head outside the database cannot be parsed
   */
  public AuditEntry append(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    lock.lock();
    try {
      Optional<AuditEntry> last = store.last();
      refuseIfDisagreesWithHead(last);
      long seq = last.map(e -> Math.addExact(e.seq(), 1L)).orElse(1L);
      byte[] prevHash = last.map(AuditEntry::hash).orElseGet(AuditHashing::genesis);
      Instant at = timeOf(event.kind());
      byte[] hash =
          AuditHashing.entryHash(
              seq, at, event.kind(), event.actor(), event.subject(), event.outcome(), prevHash);
      AuditEntry entry =
          new AuditEntry(
              seq,
              at,
              event.kind(),
              event.actor(),
              event.subject(),
              event.outcome(),
              prevHash,
              hash,
              auth.tag(hash));
      store.insert(entry);
      afterCommit.run(() -> advanceHead(seq, hash));
      return entry;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The time an entry of {@code kind} records: the day only (midnight UTC) for the visitor's steps
   * ({@link AuditKind#datedToTheDay}), else the clock to the millisecond (what every store keeps
   * exactly; the time is hashed, so a store that rounded it would break verification).
   */
  private Instant timeOf(AuditKind kind) {
    return clock.instant().truncatedTo(kind.datedToTheDay() ? ChronoUnit.DAYS : ChronoUnit.MILLIS);
  }

  /** This log's verification as one of the office's integrity checks. */
  public IntegrityCheck asCheck() {
    return new IntegrityCheck() {
      @Override
      public String what() {
        return "audit log";
      }

      @Override
      public Verification verify() {
        return AuditLog.this.verify();
      }
    };
  }

  /** Checks the whole log and its head; see the class description. Streams the log once. */
  public Verification verify() {
    Optional<Head> head;
    Tampered headUnreadable = null;
    try {
      head = anchor.read();
    } catch (MalformedAnchorException e) {
      head = Optional.empty();
      headUnreadable = new Tampered(1, e.getMessage());
    }
    ChainWalker walker = new ChainWalker(auth, head.map(Head::seq).orElse(0L));
    store.forEachRowInOrder(walker);
    if (walker.finding != null) {
      return walker.finding;
    }
    if (headUnreadable != null) {
      return headUnreadable;
    }
    long lastSeq = walker.lastSeq;
    if (head.isEmpty()) {
      return lastSeq == 0
          ? new Intact(0)
          : new Tampered(1, "head file missing while the log has entries");
    }
    Head h = head.get();
    if (!headAuthentic(h)) {
      return new Tampered(1, "head MAC does not verify");
    }
    if (lastSeq < h.seq()) {
      return new Tampered(lastSeq + 1, tailDropped(lastSeq, h.seq()));
    }
    if (!MessageDigest.isEqual(walker.hashAtHeadSeq, h.hash())) {
      return new Tampered(h.seq(), headEntryReplaced(h.seq()));
    }
    return new Intact(lastSeq);
  }

  /**
   * Whether the log verifies and holds an entry of {@code kind}; empty when it does not verify (so
   * that nothing is decided on what an edited log says).
   */
  public Optional<Boolean> verifiedHolds(AuditKind kind) {
    if (!(verify() instanceof Intact)) {
      return Optional.empty();
    }
    boolean[] found = {false};
    store.forEachInOrder(e -> found[0] |= e.kind() == kind);
    return Optional.of(found[0]);
  }

  private void refuseIfDisagreesWithHead(Optional<AuditEntry> last) {
    Optional<Head> head = knownHead();
    if (head.isEmpty()) {
      // Either a new log, or the head was lost (verify reports that); appending restores a head.
      return;
    }
    Head h = head.get();
    if (!headAuthentic(h)) {
      throw new AuditIntegrityException("refusing to append: head MAC does not verify");
    }
    long lastSeq = last.map(AuditEntry::seq).orElse(0L);
    if (lastSeq < h.seq()) {
      throw new AuditIntegrityException("refusing to append: " + tailDropped(lastSeq, h.seq()));
    }
    if (lastSeq == h.seq() && !MessageDigest.isEqual(last.orElseThrow().hash(), h.hash())) {
      throw new AuditIntegrityException("refusing to append: " + headEntryReplaced(h.seq()));
    }
  }

  /** Moves the head to entry {@code seq}, unless it is already there or further. */
  private void advanceHead(long seq, byte[] hash) {
    lock.lock();
    try {
      Optional<Head> current = knownHead();
      if (current.isPresent() && current.get().seq() >= seq) {
        return;
      }
      Head next = new Head(seq, hash, auth.tag(AuditHashing.headMacInput(seq, hash)));
      anchor.write(next);
      knownHead = Optional.of(next);
    } finally {
      lock.unlock();
    }
  }

  private Optional<Head> knownHead() {
    if (knownHead == null) {
      knownHead = anchor.read();
    }
    return knownHead;
  }

  private boolean headAuthentic(Head h) {
    return auth.verify(AuditHashing.headMacInput(h.seq(), h.hash()), h.mac());
  }

  private static String tailDropped(long lastSeq, long headSeq) {
    return (lastSeq == 0 ? "the log is empty" : "the log ends at entry " + lastSeq)
        + " but the head outside the database records entry "
        + headSeq
        + " (entries removed from the end)";
  }

  private static String headEntryReplaced(long headSeq) {
    return "entry "
        + headSeq
        + " is not the entry the head outside the database records (entries replaced)";
  }

  /** Checks entries one by one as the store streams them; keeps the first finding. */
  private static final class ChainWalker implements Consumer<AuditRow> {
    private final EntryAuthenticator auth;
    private final long headSeq;
    private byte[] prevHash = AuditHashing.genesis();
    long lastSeq;
    byte[] hashAtHeadSeq = new byte[0];
    Tampered finding;

    ChainWalker(EntryAuthenticator auth, long headSeq) {
      this.auth = auth;
      this.headSeq = headSeq;
    }

    @Override
    public void accept(AuditRow row) {
      if (finding != null) {
        return; // the first finding is the one reported; the rest of the stream is skipped
      }
      switch (row.decode()) {
        case AuditRow.Decodable r -> accept(r.entry());
        case AuditRow.Unreadable u -> {
          long expected = lastSeq + 1;
          long seq = u.seq().orElse(expected);
          if (seq > expected) {
            finding = new Tampered(expected, "entry " + expected + " is missing");
          } else if (seq < expected) {
            finding =
                new Tampered(
                    expected,
                    "entry " + expected + " is missing: an unreadable row appears in its place");
          } else {
            finding = new Tampered(expected, "entry " + expected + ": " + u.problem());
          }
        }
      }
    }

    private void accept(AuditEntry e) {
      long expected = lastSeq + 1;
      long seq = e.seq();
      byte[] hash = e.hash();
      if (seq > expected) {
        finding =
            new Tampered(
                expected,
                expected == 1
                    ? "entry 1 is missing (sequence starts at " + seq + ")"
                    : "entry "
                        + expected
                        + " is missing (sequence jumps from "
                        + lastSeq
                        + " to "
                        + seq
                        + ")");
      } else if (seq < expected) {
        finding =
            new Tampered(
                expected,
                "entry "
                    + expected
                    + " is missing: entry "
                    + seq
                    + " appears in its place (entries out of order or repeated)");
      } else if (!MessageDigest.isEqual(AuditHashing.entryHash(e), hash)) {
        finding = new Tampered(seq, "entry " + seq + ": hash does not match its content");
      } else if (!MessageDigest.isEqual(e.prevHash(), prevHash)) {
        finding = new Tampered(seq, "entry " + seq + ": link to previous entry broken");
      } else if (!auth.verify(hash, e.mac())) {
        finding = new Tampered(seq, "entry " + seq + ": MAC does not verify");
      } else {
        lastSeq = seq;
        prevHash = hash;
        if (seq == headSeq) {
          hashAtHeadSeq = hash;
        }
      }
    }
  }
}
