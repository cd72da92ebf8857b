package org.ombuds.vault;

import com.google.crypto.tink.Aead;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encrypts and decrypts the fields of one case with that case's key (AES-256-GCM), binding each
 * ciphertext to its {@link FieldRef}. Obtained from {@link Vault#openCase}.
 *
 * <p>Refuses (with {@link IllegalArgumentException}) a {@code FieldRef} whose scope is not this
 * case. Immutable and safe to share between threads. {@link #toString()} never shows the key.
 */
public final class CaseCipher {
  private final String caseId;
  private final Aead aead;

  CaseCipher(String caseId, Aead aead) {
    this.caseId = caseId;
    this.aead = aead;
  }

  /** The id of the case this cipher belongs to. */
  public String caseId() {
    return caseId;
  }

  /** Encrypts a field of this case. */
  public byte[] encrypt(FieldRef ref, byte[] plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] ad = checkScope(ref).associatedData();
    try {
      return aead.encrypt(plaintext, ad);
    } catch (GeneralSecurityException e) {
      throw new VaultException("A case field could not be encrypted");
    }
  }

  /**
   * Decrypts a field of this case.
   *
   * @throws VaultException if the ciphertext is damaged, truncated, belongs to another field or
   *     another case
   */
  public byte[] decrypt(FieldRef ref, byte[] ciphertext) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    byte[] ad = checkScope(ref).associatedData();
    try {
      return aead.decrypt(ciphertext, ad);
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "A case field could not be decrypted: it is damaged, or was moved from another field or"
              + " another case");
    }
  }

  /** Encrypts the UTF-8 bytes of a text field of this case. */
  public byte[] encryptString(FieldRef ref, String plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    return encrypt(ref, plaintext.getBytes(StandardCharsets.UTF_8));
  }

  /** Decrypts a text field of this case written by {@link #encryptString}. */
  public String decryptString(FieldRef ref, byte[] ciphertext) {
    byte[] plaintext = decrypt(ref, ciphertext);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plaintext))
          .toString();
    } catch (CharacterCodingException e) {
      throw new VaultException("A case field decrypted to bytes that are not UTF-8 text");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private FieldRef checkScope(FieldRef ref) {
    Objects.requireNonNull(ref, "ref");
    if (!ref.isInCase(caseId)) {
      throw new IllegalArgumentException("The field does not belong to the case of this cipher");
    }
    return ref;
  }

  /** Returns {@code [REDACTED]}. */
  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
