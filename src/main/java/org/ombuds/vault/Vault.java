package org.ombuds.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The key hierarchy and every encryption of the product.
 *
 * <pre>
 * passphrase --Argon2id--> account KEK --wraps--> office secrets   (one WrappedOfficeKey per account)
 * recovery key --HKDF----> recovery KEK --wraps-> office secrets   (one recovery blob per office)
 * office secrets = office AEAD keyset (AES-256-GCM) + office HPKE private keyset
 * office AEAD --wraps--> case keyset (AES-256-GCM, one per case) --encrypts--> case fields
 * office AEAD --encrypts--> office fields
 * office HPKE public keyset (stored in clear) --seals--> visitor submissions
 * </pre>
 *
 * <p>Every ciphertext is bound by associated data to where it belongs: wrapped office secrets to
 * the account id (or to the recovery role), wrapped case keys to the case id, fields to their
 * {@link FieldRef}, sealed messages to a caller-given context. Expected failures (a wrong
 * passphrase or recovery key) give {@link Optional#empty()}; every other cryptographic failure is a
 * {@link VaultException}.
 *
 * <p>The injected {@link SecureRandom} supplies the Argon2id salts and the recovery key; Tink
 * generates the keysets from its own secure random source. Stateless apart from its settings, and
 * safe to share between threads.
 */
public final class Vault {
  /**
   * How many passphrase key derivations (Argon2id) this process has started: the costly step of a
   * login, for monitoring and for checking that an unknown username costs one, as a known one does.
   */
  public static long keyDerivations() {
    return Argon2Kdf.derivations();
  }

  private static final byte WRAP_FORMAT = 1;
  private static final String HKDF_SHA256 = "HMACSHA256";
  private static final byte[] RECOVERY_KEK_INFO =
      "ombuds.vault.v1.recovery-kek".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SEAL_CONTEXT_PREFIX =
      "ombuds.vault.v1.seal\0".getBytes(StandardCharsets.UTF_8);

  private final SecureRandom random;
  private final KdfParams accountKdf;

  /** A vault with a new {@link SecureRandom} and {@link KdfParams#DEFAULT}. */
  public Vault() {
    this(new SecureRandom(), KdfParams.DEFAULT);
  }

  /**
   * A vault with the given random source and Argon2id costs for new account wraps.
   *
   * @param random the source of salts and recovery keys
   * @param accountKdf the costs of new account wraps and of {@link #burnUnwrapCost}
   */
  public Vault(SecureRandom random, KdfParams accountKdf) {
    this.random = Objects.requireNonNull(random, "random");
    this.accountKdf = Objects.requireNonNull(accountKdf, "accountKdf");
  }

  /**
   * A new office: fresh office secrets, their public keyset, a recovery key to print once and the
   * secrets wrapped under it.
   *
   * @param keys the office secrets, in memory
   * @param publicKeyset the office HPKE public keyset: store it in clear for the visitor portal
   * @param recoveryKey print it for the Ombuds, then forget it
   * @param recoveryWrapped the office secrets wrapped under the recovery key: store it
   */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out
  public record NewOffice(
      OfficeKeys keys, byte[] publicKeyset, RecoveryKey recoveryKey, byte[] recoveryWrapped) {
    /** Validates and copies. */
    public NewOffice {
      Objects.requireNonNull(keys, "keys");
      Objects.requireNonNull(recoveryKey, "recoveryKey");
      publicKeyset = Objects.requireNonNull(publicKeyset, "publicKeyset").clone();
      recoveryWrapped = Objects.requireNonNull(recoveryWrapped, "recoveryWrapped").clone();
    }

    /** A copy of the public keyset. */
    @Override
    public byte[] publicKeyset() {
      return publicKeyset.clone();
    }

    /** A copy of the recovery-wrapped secrets. */
    @Override
    public byte[] recoveryWrapped() {
      return recoveryWrapped.clone();
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    /** Returns {@code [REDACTED]}: it holds the office secrets and the recovery key. */
    @Override
    public String toString() {
      return "[REDACTED]";
    }
  }

  /** The Argon2id costs used for new account wraps. */
  public KdfParams accountKdf() {
    return accountKdf;
  }

  /** Creates the office secrets, once per installation. */
  public NewOffice createOffice() {
    OfficeKeys keys = OfficeKeys.generate();
    RecoveryKey recoveryKey = RecoveryKey.generate(random);
    return new NewOffice(
        keys, keys.publicKeyset(), recoveryKey, wrapWithRecovery(keys, recoveryKey));
  }

  // ---------------------------------------------------------------- account wrap

  /**
   * Wraps the office secrets for an account under a key derived from its passphrase with Argon2id
   * ({@link #accountKdf()}, fresh 16-byte salt). Costs one Argon2id run.
   *
   * @throws IllegalArgumentException if the account id is blank or the passphrase is empty
   */
  public WrappedOfficeKey wrapForAccount(OfficeKeys keys, String accountId, Passphrase passphrase) {
    Objects.requireNonNull(keys, "keys");
    checkAccountId(accountId);
    Objects.requireNonNull(passphrase, "passphrase");
    if (passphrase.isEmpty()) {
      throw new IllegalArgumentException("The passphrase must not be empty");
    }
    byte[] salt = new byte[Argon2Kdf.SALT_BYTES];
    random.nextBytes(salt);
    byte[] kek = Argon2Kdf.derive(passphrase, salt, accountKdf);
    try {
      byte[] ciphertext =
          wrap(Tinks.rawAead(kek), keys, accountAssociatedData(accountId, accountKdf));
      return new WrappedOfficeKey(salt, accountKdf, ciphertext);
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /**
   * Unwraps the office secrets of an account. Costs one Argon2id run with the parameters stored in
   * {@code wrapped}.
   *
   * @return empty if the passphrase is wrong, or the wrap belongs to another account or was
   *     tampered with
   * @throws VaultException if the wrap has an unknown format
   */
  public Optional<OfficeKeys> unwrapForAccount(
      WrappedOfficeKey wrapped, String accountId, Passphrase passphrase) {
    Objects.requireNonNull(wrapped, "wrapped");
    checkAccountId(accountId);
    Objects.requireNonNull(passphrase, "passphrase");
    byte[] ciphertext = wrapped.ciphertext();
    checkWrapFormat(ciphertext);
    byte[] kek = Argon2Kdf.derive(passphrase, wrapped.salt(), wrapped.params());
    try {
      return unwrap(
          Tinks.rawAead(kek), ciphertext, accountAssociatedData(accountId, wrapped.params()));
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /**
   * Does the Argon2id work of an unwrap (with {@link #accountKdf()}) and throws the result away.
   * Call it when a login names an unknown account, so the answer takes as long as for a known
   * account with a wrong passphrase and does not reveal which accounts exist.
   */
  public void burnUnwrapCost(Passphrase passphrase) {
    Objects.requireNonNull(passphrase, "passphrase");
    byte[] salt = new byte[Argon2Kdf.SALT_BYTES];
    random.nextBytes(salt);
    byte[] kek = Argon2Kdf.derive(passphrase, salt, accountKdf);
    try {
      Tinks.rawAead(kek); // the key set-up of a real unwrap, whose result is likewise discarded
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /**
   * Whether a wrap uses other Argon2id costs than {@link #accountKdf()}: if so, wrap the office
   * secrets again after the next successful login.
   */
  public boolean needsRewrap(WrappedOfficeKey wrapped) {
    return !wrapped.params().equals(accountKdf);
  }

  private static byte[] accountAssociatedData(String accountId, KdfParams params) {
    return AssociatedData.of(
        "office-keys.account",
        accountId,
        Integer.toString(params.memoryKib()),
        Integer.toString(params.iterations()),
        Integer.toString(params.parallelism()));
  }

  private static void checkAccountId(String accountId) {
    Objects.requireNonNull(accountId, "accountId");
    if (accountId.isBlank()) {
      throw new IllegalArgumentException("The account id must not be blank");
    }
  }

  // ---------------------------------------------------------------- recovery

  /**
   * Wraps the office secrets under a recovery key (KEK = HKDF-SHA256 of its 160 bits). Used by
   * {@link #createOffice()}; call it directly only to re-wrap under the same key.
   */
  public byte[] wrapWithRecovery(OfficeKeys keys, RecoveryKey recoveryKey) {
    Objects.requireNonNull(keys, "keys");
    byte[] kek = recoveryKek(recoveryKey);
    try {
      return wrap(Tinks.rawAead(kek), keys, AssociatedData.of("office-keys.recovery"));
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  /**
   * Unwraps the office secrets with the recovery key.
   *
   * @return empty if the recovery key is not the one they were wrapped under, or the blob was
   *     tampered with
   * @throws VaultException if the blob has an unknown format
   */
  public Optional<OfficeKeys> unwrapWithRecovery(byte[] recoveryWrapped, RecoveryKey key) {
    Objects.requireNonNull(recoveryWrapped, "recoveryWrapped");
    byte[] kek = recoveryKek(key);
    try {
      return unwrap(Tinks.rawAead(kek), recoveryWrapped, AssociatedData.of("office-keys.recovery"));
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
  }

  private static byte[] recoveryKek(RecoveryKey recoveryKey) {
    Objects.requireNonNull(recoveryKey, "recoveryKey");
    byte[] ikm = recoveryKey.bytes();
    try {
      return Hkdf.computeHkdf(HKDF_SHA256, ikm, new byte[0], RECOVERY_KEK_INFO, 32);
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not derive the recovery key-encryption key");
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }

  // ---------------------------------------------------------------- wrap format

  private static byte[] wrap(Aead kek, OfficeKeys keys, byte[] associatedData) {
    byte[] plaintext = keys.serializeForWrapping();
    try {
      byte[] sealed = kek.encrypt(plaintext, associatedData);
      byte[] out = new byte[1 + sealed.length];
      out[0] = WRAP_FORMAT;
      System.arraycopy(sealed, 0, out, 1, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new VaultException("The office keys could not be wrapped");
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static void checkWrapFormat(byte[] wrapped) {
    if (wrapped.length == 0 || wrapped[0] != WRAP_FORMAT) {
      throw new VaultException("The wrapped office keys have an unknown format");
    }
  }

  private static Optional<OfficeKeys> unwrap(Aead kek, byte[] wrapped, byte[] associatedData) {
    checkWrapFormat(wrapped);
    byte[] plaintext;
    try {
      plaintext = kek.decrypt(Arrays.copyOfRange(wrapped, 1, wrapped.length), associatedData);
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
    try {
      return Optional.of(OfficeKeys.deserialize(plaintext));
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  // ---------------------------------------------------------------- cases

  /**
   * Generates the key of a new case (an AES-256-GCM keyset) and returns it wrapped under the office
   * AEAD, bound to the case id. Store it with the case.
   *
   * @throws IllegalArgumentException if the case id is blank or contains {@code '|'}
   */
  public byte[] newCaseKey(OfficeKeys keys, String caseId) {
    Objects.requireNonNull(keys, "keys");
    FieldRef.checkPart("case id", caseId);
    return Tinks.newWrappedAeadKeyset(keys.aead(), caseKeyAssociatedData(caseId));
  }

  /**
   * Unwraps a case key and returns the cipher for the fields of that case.
   *
   * @throws VaultException if the wrapped key belongs to another case or office, or is damaged
   */
  public CaseCipher openCase(OfficeKeys keys, String caseId, byte[] wrappedCaseKey) {
    Objects.requireNonNull(keys, "keys");
    FieldRef.checkPart("case id", caseId);
    Objects.requireNonNull(wrappedCaseKey, "wrappedCaseKey");
    try {
      return new CaseCipher(
          caseId,
          Tinks.unwrapAeadKeyset(wrappedCaseKey, keys.aead(), caseKeyAssociatedData(caseId)));
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "The case key could not be unwrapped: it belongs to another case or office, or is"
              + " damaged");
    }
  }

  private static byte[] caseKeyAssociatedData(String caseId) {
    return AssociatedData.of("case-key", caseId);
  }

  // ---------------------------------------------------------------- office fields

  /**
   * Encrypts an office-wide field (scope {@code "office"}) with the office AEAD.
   *
   * @throws IllegalArgumentException if the field is not office-scoped
   */
  public byte[] encryptOffice(OfficeKeys keys, FieldRef ref, byte[] plaintext) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] ad = checkOffice(ref).associatedData();
    try {
      return keys.aead().encrypt(plaintext, ad);
    } catch (GeneralSecurityException e) {
      throw new VaultException("An office field could not be encrypted");
    }
  }

  /**
   * Decrypts an office-wide field.
   *
   * @throws VaultException if the ciphertext is damaged, truncated or was moved from another field
   */
  public byte[] decryptOffice(OfficeKeys keys, FieldRef ref, byte[] ciphertext) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(ciphertext, "ciphertext");
    byte[] ad = checkOffice(ref).associatedData();
    try {
      return keys.aead().decrypt(ciphertext, ad);
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "An office field could not be decrypted: it is damaged or was moved from another field");
    }
  }

  private static FieldRef checkOffice(FieldRef ref) {
    Objects.requireNonNull(ref, "ref");
    if (!ref.isOffice()) {
      throw new IllegalArgumentException("The field is not an office field: use the case cipher");
    }
    return ref;
  }

  // ---------------------------------------------------------------- sealing to the office

  /**
   * Encrypts to the office with its public keyset (HPKE), so that only the office secrets can
   * decrypt: for the visitor portal, which has no office secrets. The context (for example the name
   * of the form and the submission id) is bound to the ciphertext and must be given again to open
   * it.
   *
   * @throws IllegalArgumentException if the context is empty
   * @throws VaultException if the public keyset is malformed
   */
  public byte[] sealToOffice(byte[] publicKeyset, byte[] plaintext, byte[] context) {
    Objects.requireNonNull(publicKeyset, "publicKeyset");
    Objects.requireNonNull(plaintext, "plaintext");
    byte[] info = sealContext(context);
    try {
      return Tinks.hybridEncrypt(publicKeyset).encrypt(plaintext, info);
    } catch (GeneralSecurityException e) {
      throw new VaultException("A message could not be sealed to the office");
    }
  }

  /**
   * Opens what {@link #sealToOffice} sealed.
   *
   * @throws VaultException if the message is damaged, was sealed with another context or to another
   *     office
   */
  public byte[] openSealed(OfficeKeys keys, byte[] ciphertext, byte[] context) {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(ciphertext, "ciphertext");
    byte[] info = sealContext(context);
    try {
      return keys.hybridDecrypt().decrypt(ciphertext, info);
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "A sealed message could not be opened: it is damaged, or was sealed with another context"
              + " or to another office");
    }
  }

  private static byte[] sealContext(byte[] context) {
    Objects.requireNonNull(context, "context");
    if (context.length == 0) {
      throw new IllegalArgumentException("A sealed message needs a non-empty context");
    }
    byte[] info = Arrays.copyOf(SEAL_CONTEXT_PREFIX, SEAL_CONTEXT_PREFIX.length + context.length);
    System.arraycopy(context, 0, info, SEAL_CONTEXT_PREFIX.length, context.length);
    return info;
  }
}
