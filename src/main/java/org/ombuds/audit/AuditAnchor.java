package org.ombuds.audit;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The head of the log kept outside the database (a small file next to the key file), so that
 * entries removed from the end of the log are detected: a hash chain alone cannot tell a log of 40
 * entries from the first 40 entries of a log of 42.
 *
 * <p>{@link AuditLog} writes the head after each committed append and authenticates it with the
 * {@link EntryAuthenticator}; the anchor itself only stores and returns it.
 */
public interface AuditAnchor {

  /**
   * The stored head, or empty if none was ever written.
   *
   * @throws MalformedAnchorException if a head is stored but cannot be parsed
   * @throws java.io.UncheckedIOException if it cannot be read
   */
  Optional<Head> read();

  /**
   * Replaces the stored head. Either the old or the new head survives a crash, never a mixture.
   *
   * @throws java.io.UncheckedIOException if it cannot be written
   */
  void write(Head head);

  /**
   * The last anchored entry: its {@code seq} and {@code hash}, and the authenticator's tag over
   * both. Arrays are copied on the way in and out; {@code equals}, {@code hashCode} and {@code
   * toString} use their content.
   *
   * @param seq the anchored entry's seq, at least 1
   * @param hash the anchored entry's hash
   * @param mac the authenticator's tag of the head (see {@link AuditLog})
   */
  @SuppressWarnings(
      "ArrayRecordComponent") // copied defensively; equals/hashCode/toString overridden
  record Head(long seq, byte[] hash, byte[] mac) {

    /**
     * @throws IllegalArgumentException if {@code seq} is less than 1
     * @throws NullPointerException if an array is null
     */
    public Head {
      if (seq < 1) {
        throw new IllegalArgumentException("head seq must be at least 1");
      }
      hash = Objects.requireNonNull(hash, "hash").clone();
      mac = Objects.requireNonNull(mac, "mac").clone();
    }

    /** A copy of the anchored entry's hash. */
    @Override
    public byte[] hash() {
      return hash.clone();
    }

    /** A copy of the head's MAC. */
    @Override
    public byte[] mac() {
      return mac.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Head h
          && seq == h.seq
          && Arrays.equals(hash, h.hash)
          && Arrays.equals(mac, h.mac);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * Long.hashCode(seq) + Arrays.hashCode(hash)) + Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
      return "Head[seq="
          + seq
          + ", hash="
          + AuditHashing.shortHex(hash)
          + ", mac="
          + AuditHashing.shortHex(mac)
          + "]";
    }
  }
}
