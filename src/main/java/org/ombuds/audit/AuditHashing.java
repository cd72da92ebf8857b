package org.ombuds.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical, unambiguous byte encodings that are hashed and authenticated.
 *
 * <p>Every variable-length field is prefixed by its length as a 4-byte big-endian int, fixed-size
 * numbers are written big-endian, and each encoding starts with its own length-prefixed domain
 * label ({@value #ENTRY_LABEL} or {@value #HEAD_LABEL}), so no two different inputs encode to the
 * same bytes and an entry's tag can never be replayed as the head's tag. Changing anything here
 * invalidates every existing log: add a new label version instead.
 */
final class AuditHashing {

  static final int HASH_LENGTH = 32;
  static final String ENTRY_LABEL = "ombuds-audit-entry-v1";
  static final String HEAD_LABEL = "ombuds-audit-head-v1";

  private static final byte[] GENESIS = new byte[HASH_LENGTH];
  private static final HexFormat HEX = HexFormat.of();

  private AuditHashing() {}

  /** The {@code prevHash} of entry 1: 32 zero bytes. */
  static byte[] genesis() {
    return GENESIS.clone();
  }

  /**
   * SHA-256 of the canonical encoding of seq, at (epoch second and nano of second), kind name,
   * actor, subject, outcome and prevHash.
   */
  static byte[] entryHash(
      long seq,
      Instant at,
      AuditKind kind,
      String actor,
      String subject,
      String outcome,
      byte[] prevHash) {
    Encoder out = new Encoder(ENTRY_LABEL);
    out.putLong(seq);
    out.putLong(at.getEpochSecond());
    out.putInt(at.getNano());
    out.putString(kind.name());
    out.putString(actor);
    out.putString(subject);
    out.putString(outcome);
    out.putBytes(prevHash);
    return sha256(out.toByteArray());
  }

  /** The hash the content of {@code e} should have; compare it with {@code e.hash()}. */
  static byte[] entryHash(AuditEntry e) {
    return entryHash(e.seq(), e.at(), e.kind(), e.actor(), e.subject(), e.outcome(), e.prevHash());
  }

  /** The bytes the head's MAC is computed over: label, seq and hash. */
  static byte[] headMacInput(long seq, byte[] hash) {
    Encoder out = new Encoder(HEAD_LABEL);
    out.putLong(seq);
    out.putBytes(hash);
    return out.toByteArray();
  }

  /** Lower-case hex of the first bytes of {@code bytes}, for messages and toString. */
  static String shortHex(byte[] bytes) {
    return HEX.formatHex(bytes, 0, Math.min(bytes.length, 6)) + (bytes.length > 6 ? "…" : "");
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  private static final class Encoder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    Encoder(String label) {
      putString(label);
    }

    void putLong(long v) {
      out.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(v).array());
    }

    void putInt(int v) {
      out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(v).array());
    }

    void putBytes(byte[] b) {
      putInt(b.length);
      out.writeBytes(b);
    }

    void putString(String s) {
      putBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    byte[] toByteArray() {
      return out.toByteArray();
    }
  }
}
