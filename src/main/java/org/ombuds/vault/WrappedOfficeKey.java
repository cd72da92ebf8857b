package org.ombuds.vault;

import java.util.Arrays;
import java.util.Objects;

/**
 * The office secrets wrapped for one Ombuds account; stored in the account's row.
 *
 * <p>The key-encryption key is Argon2id(passphrase, {@code salt}, {@code params}); the {@code
 * ciphertext} is a format byte followed by AES-256-GCM of the office secrets, with associated data
 * binding the account id and the parameters. None of the three parts is secret, but all are needed
 * to unwrap. The arrays are copied in and out.
 *
 * @param salt the random Argon2id salt, at least 16 bytes
 * @param params the Argon2id costs used for this wrap
 * @param ciphertext the wrapped office secrets
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals/hashCode compare contents
public record WrappedOfficeKey(byte[] salt, KdfParams params, byte[] ciphertext) {
  /** Validates and copies. */
  public WrappedOfficeKey {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (salt.length < Argon2Kdf.SALT_BYTES) {
      throw new IllegalArgumentException(
          "The salt of a wrapped office key must have at least " + Argon2Kdf.SALT_BYTES + " bytes");
    }
    if (ciphertext.length == 0) {
      throw new IllegalArgumentException("The ciphertext of a wrapped office key is empty");
    }
    salt = salt.clone();
    ciphertext = ciphertext.clone();
  }

  /** A copy of the salt. */
  @Override
  public byte[] salt() {
    return salt.clone();
  }

  /** A copy of the ciphertext. */
  @Override
  public byte[] ciphertext() {
    return ciphertext.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrappedOfficeKey other
        && Arrays.equals(salt, other.salt)
        && params.equals(other.params)
        && Arrays.equals(ciphertext, other.ciphertext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(salt), params, Arrays.hashCode(ciphertext));
  }

  /** Sizes and parameters only. */
  @Override
  public String toString() {
    return "WrappedOfficeKey[salt="
        + salt.length
        + " bytes, params="
        + params
        + ", ciphertext="
        + ciphertext.length
        + " bytes]";
  }
}
