package org.ombuds.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A bearer token: 256 random bits, base64url. The server keeps only its SHA-256 hash, so a memory
 * or database dump of sessions gives no usable token. Prints as {@code [REDACTED]}.
 */
public final class SessionToken {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final String value;

  private SessionToken(String value) {
    this.value = value;
  }

  /** A new random token. */
  public static SessionToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new SessionToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The token as presented by a client. */
  public static SessionToken of(String presented) {
    return new SessionToken(presented == null ? "" : presented);
  }

  /** The token text, to hand to the client once. */
  public String reveal() {
    return value;
  }

  /** The hex SHA-256 of the token: what the server keeps. */
  public String hash() {
    return HexFormat.of().formatHex(sha256("session:" + value));
  }

  /**
   * The anti-forgery token for HTML forms of this session: derived from the session token, so it
   * needs no storage, and useless without it.
   */
  public String csrfToken() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256("csrf:" + value));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
