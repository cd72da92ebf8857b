package org.ombuds.vault;

import java.util.Objects;

/**
 * The shared secret of an Ombuds' authenticator app (TOTP). Store it only encrypted, for example
 * with {@link Vault#encryptOffice}, and restore it with {@link #fromBytes}. {@link #toString()}
 * never shows it.
 */
public final class TotpSecret {
  /** Size of new secrets: 160 bits, the HMAC-SHA1 block-friendly size RFC 4226 recommends. */
  public static final int BYTES = 20;

  /** The smallest accepted secret, 128 bits, the minimum of RFC 4226. */
  static final int MIN_BYTES = 16;

  private final byte[] secret;

  private TotpSecret(byte[] secret) {
    this.secret = secret;
  }

  /**
   * Restores a secret from its bytes (after decrypting them); copies them.
   *
   * @throws IllegalArgumentException if shorter than 16 bytes
   */
  public static TotpSecret fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length < MIN_BYTES) {
      throw new IllegalArgumentException(
          "A TOTP secret has at least " + MIN_BYTES + " bytes, not " + bytes.length);
    }
    return new TotpSecret(bytes.clone());
  }

  /** A copy of the secret, only to be stored encrypted; the caller should wipe it. */
  public byte[] bytes() {
    return secret.clone();
  }

  /** The secret in RFC 4648 base32 without padding, for typing into an authenticator app. */
  public String base32() {
    return Base32.encode(secret, Base32.RFC4648);
  }

  /** The internal array, for {@link Totp} only: never modify or expose it. */
  byte[] view() {
    return secret;
  }

  /** Returns {@code [REDACTED]}. */
  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
