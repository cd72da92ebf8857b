package org.ombuds.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One stored, chained and authenticated audit record.
 *
 * <ul>
 *   <li>{@code seq} starts at 1 and has no gaps;
 *   <li>{@code at} is the wall-clock time of the append, truncated to milliseconds by {@link
 *       AuditLog} so that every store can keep it exactly (it is hashed, so a store that rounds it
 *       breaks verification), or to the day for the visitor's steps ({@link
 *       AuditKind#datedToTheDay}); times are not required to increase;
 *   <li>{@code prevHash} is the previous entry's {@code hash}, or 32 zero bytes for entry 1;
 *   <li>{@code hash} is SHA-256 over a length-prefixed canonical encoding of seq, at (epoch second
 *       and nanosecond), kind name, actor, subject, outcome and prevHash;
 *   <li>{@code mac} is {@link EntryAuthenticator#tag} of {@code hash}.
 * </ul>
 *
 * <p>This record does not check any of these rules (or the identifier rule of {@link AuditEvent}),
 * because a store must be able to hand back whatever the database holds so that {@link
 * AuditLog#verify} can report it; only nulls are refused. Arrays are copied on the way in and out,
 * and {@code equals}, {@code hashCode} and {@code toString} use their content.
 *
 * @param seq position in the log, from 1
 * @param at when the entry was appended
 * @param kind what happened
 * @param actor who did it (identifier or empty)
 * @param subject what it was done to (identifier or empty)
 * @param outcome how it ended (identifier or empty)
 * @param prevHash the previous entry's hash, or 32 zero bytes for entry 1
 * @param hash SHA-256 of this entry's canonical encoding
 * @param mac the authenticator's tag of {@code hash}
 */
@SuppressWarnings("ArrayRecordComponent") // copied defensively; equals/hashCode/toString overridden
public record AuditEntry(
    long seq,
    Instant at,
    AuditKind kind,
    String actor,
    String subject,
    String outcome,
    byte[] prevHash,
    byte[] hash,
    byte[] mac) {

  /**
   * @throws NullPointerException if any component is null
   */
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(outcome, "outcome");
    prevHash = Objects.requireNonNull(prevHash, "prevHash").clone();
    hash = Objects.requireNonNull(hash, "hash").clone();
    mac = Objects.requireNonNull(mac, "mac").clone();
  }

  /** A copy of the previous entry's hash. */
  @Override
  public byte[] prevHash() {
    return prevHash.clone();
  }

  /** A copy of this entry's hash. */
  @Override
  public byte[] hash() {
    return hash.clone();
  }

  /** A copy of this entry's MAC. */
  @Override
  public byte[] mac() {
    return mac.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditEntry e
        && seq == e.seq
        && at.equals(e.at)
        && kind == e.kind
        && actor.equals(e.actor)
        && subject.equals(e.subject)
        && outcome.equals(e.outcome)
        && Arrays.equals(prevHash, e.prevHash)
        && Arrays.equals(hash, e.hash)
        && Arrays.equals(mac, e.mac);
  }

  @Override
  public int hashCode() {
    int h = Objects.hash(seq, at, kind, actor, subject, outcome);
    h = 31 * h + Arrays.hashCode(prevHash);
    h = 31 * h + Arrays.hashCode(hash);
    return 31 * h + Arrays.hashCode(mac);
  }

  /**
   * Shows the fields (identifiers, unless someone wrote other text into the database) and
   * abbreviated hex of the arrays.
   */
  @Override
  public String toString() {
    return "AuditEntry[seq="
        + seq
        + ", at="
        + at
        + ", kind="
        + kind
        + ", actor="
        + actor
        + ", subject="
        + subject
        + ", outcome="
        + outcome
        + ", prevHash="
        + AuditHashing.shortHex(prevHash)
        + ", hash="
        + AuditHashing.shortHex(hash)
        + ", mac="
        + AuditHashing.shortHex(mac)
        + "]";
  }
}
