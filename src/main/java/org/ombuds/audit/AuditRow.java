package org.ombuds.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of the audit table exactly as the database holds it, before anything is trusted: every
 * column as the driver returned it ({@code null}, a number, a string, bytes, or whatever a database
 * administrator wrote there).
 *
 * <p>{@link AuditLog#verify} decodes rows itself, so that a value that cannot even be read as an
 * entry (an unknown kind, a NULL, a number where bytes belong) is reported as tampering with the
 * entry it sits in, never as a crash of the verifier.
 *
 * @param seq the {@code seq} column
 * @param at the {@code at} column (epoch milliseconds)
 * @param kind the {@code kind} column (an {@link AuditKind} name)
 * @param actor the {@code actor} column
 * @param subject the {@code subject} column
 * @param outcome the {@code outcome} column
 * @param prevHash the {@code prev_hash} column
 * @param hash the {@code hash} column
 * @param mac the {@code mac} column
 */
public record AuditRow(
    Object seq,
    Object at,
    Object kind,
    Object actor,
    Object subject,
    Object outcome,
    Object prevHash,
    Object hash,
    Object mac) {

  /** The row a well-formed entry is stored as. */
  public static AuditRow of(AuditEntry e) {
    return new AuditRow(
        e.seq(),
        e.at().toEpochMilli(),
        e.kind().name(),
        e.actor(),
        e.subject(),
        e.outcome(),
        e.prevHash(),
        e.hash(),
        e.mac());
  }

  /** What decoding a row gave: an entry, or the first column that is not what it must be. */
  public sealed interface Decoded permits Decodable, Unreadable {}

  /** Every column could be read; the entry may still fail the chain checks. */
  public record Decodable(AuditEntry entry) implements Decoded {}

  /**
   * A column holds no value, or a value of the wrong type or unknown meaning.
   *
   * @param seq the row's seq, when that column at least could be read
   * @param problem which column and what is wrong with it (never the value itself)
   */
  public record Unreadable(Optional<Long> seq, String problem) implements Decoded {}

  /** Decodes the row; never throws. */
  public Decoded decode() {
    Optional<Long> s = integer(seq);
    if (s.isEmpty()) {
      return new Unreadable(Optional.empty(), problem("seq", seq, "a whole number"));
    }
    Optional<Long> millis = integer(at);
    if (millis.isEmpty()) {
      return new Unreadable(s, problem("at", at, "a time in milliseconds"));
    }
    if (!(kind instanceof String k)) {
      return new Unreadable(s, problem("kind", kind, "an event kind"));
    }
    Optional<AuditKind> known = AuditKind.byName(k);
    if (known.isEmpty()) {
      return new Unreadable(s, "kind is not a known event kind");
    }
    if (!(actor instanceof String a)) {
      return new Unreadable(s, problem("actor", actor, "text"));
    }
    if (!(subject instanceof String sub)) {
      return new Unreadable(s, problem("subject", subject, "text"));
    }
    if (!(outcome instanceof String out)) {
      return new Unreadable(s, problem("outcome", outcome, "text"));
    }
    if (!(prevHash instanceof byte[] p) || p.length != AuditHashing.HASH_LENGTH) {
      return new Unreadable(s, hashProblem("prev_hash", prevHash));
    }
    if (!(hash instanceof byte[] h) || h.length != AuditHashing.HASH_LENGTH) {
      return new Unreadable(s, hashProblem("hash", hash));
    }
    if (!(mac instanceof byte[] m) || m.length == 0) {
      return new Unreadable(s, problem("mac", mac, "bytes"));
    }
    Instant time;
    try {
      time = Instant.ofEpochMilli(millis.get());
    } catch (RuntimeException e) {
      return new Unreadable(s, "at is out of range");
    }
    return new Decodable(new AuditEntry(s.get(), time, known.get(), a, sub, out, p, h, m));
  }

  private static Optional<Long> integer(Object v) {
    return switch (v) {
      case Long l -> Optional.of(l);
      case Integer i -> Optional.of(i.longValue());
      case Short sh -> Optional.of(sh.longValue());
      case null, default -> Optional.empty();
    };
  }

  private static String problem(String column, Object v, String expected) {
    return v == null
        ? column + " is NULL"
        : column + " holds " + typeName(v) + " where " + expected + " belongs";
  }

  private static String hashProblem(String column, Object v) {
    if (v instanceof byte[] b) {
      return column + " holds " + b.length + " bytes instead of " + AuditHashing.HASH_LENGTH;
    }
    return problem(column, v, AuditHashing.HASH_LENGTH + " bytes");
  }

  private static String typeName(Object v) {
    return switch (v) {
      case String s -> "text";
      case byte[] b -> "bytes";
      case Number n -> "a number";
      default -> "a value of another type";
    };
  }
}
