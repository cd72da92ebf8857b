package org.ombuds.audit;

/**
 * Authenticates entry hashes and the head with a secret key kept outside the database.
 *
 * <p>The application wires this to a keyed MAC (HMAC-SHA256) whose key lives in the key file, not
 * in the database; this package never sees the key. Without the key, a database administrator can
 * recompute SHA-256 hashes but cannot produce tags that {@link #verify} accepts.
 *
 * <p>Implementations must be thread-safe, deterministic ({@code tag} of equal data gives equal
 * tags), and must compare tags in constant time in {@link #verify}.
 */
public interface EntryAuthenticator {

  /** The tag of {@code data}. */
  byte[] tag(byte[] data);

  /** True when {@code tag} is the tag of {@code data} under this key. Never throws on bad tags. */
  boolean verify(byte[] data, byte[] tag);
}
