package org.ombuds.vault;

import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The keys of the visitor portal, derived from a visitor's {@link Receipt}.
 *
 * <pre>
 * receipt --Argon2id(office-wide salt)--> master --HKDF--> lookup id  (stored, indexed)
 *                                                   \----> verifier   (stored, compared in constant time)
 *                                                   \----> thread KEK (never stored)
 * thread KEK --wraps--> thread HPKE private keyset; thread HPKE public keyset stored in clear
 * </pre>
 *
 * <p>The Argon2id salt is one random value per office, not per thread: the server must find the
 * thread from the receipt alone, and a per-thread salt would mean one slow hash per stored thread.
 * With 100 random bits in every receipt, an office-wide salt loses nothing that matters: a thief of
 * the database must still pay one Argon2id run (64 MiB) per guess in a space of 2<sup>100</sup>,
 * and the salt still prevents tables computed in advance for every office at once.
 *
 * <p>Replies of the Ombuds and copies of the visitor's own messages are sealed to the thread's
 * public keyset ({@link #sealToThread}), which needs no secret, so the office can write while the
 * visitor is away and the visitor can read while the office is locked. Only someone holding the
 * receipt can unwrap the thread's private keyset ({@link #open}).
 *
 * <p>Beside the slow hash, a receipt has a fast {@link #hint}: 24 bits of an HMAC keyed from the
 * office-wide salt, stored with the thread (not unique: hints collide). It lets the portal refuse
 * almost every wrong receipt without running Argon2id, so a flood of guesses no longer holds up the
 * visitors who have the right one. Why this costs no secrecy is told at {@link #hint}.
 */
public final class PortalVault {
  /** The cost of one receipt check: 64 MiB, 2 passes, 1 lane (a few hundred milliseconds). */
  public static final KdfParams RECEIPT_KDF = new KdfParams(KdfParams.MIN_MEMORY_KIB, 2, 1);

  private static final String HKDF_SHA256 = "HMACSHA256";
  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final byte[] NO_SALT = new byte[0];

  /** How many bytes of the HMAC a receipt hint keeps: 24 bits. */
  private static final int HINT_BYTES = 3;

  private final SecureRandom random;
  private final KdfParams kdf;

  public PortalVault() {
    this(new SecureRandom(), RECEIPT_KDF);
  }

  public PortalVault(SecureRandom random, KdfParams kdf) {
    this.random = Objects.requireNonNull(random, "random");
    this.kdf = Objects.requireNonNull(kdf, "kdf");
  }

  /** A new office-wide salt for the receipt hash (16 random bytes), created once. */
  public byte[] newSalt() {
    byte[] salt = new byte[Argon2Kdf.SALT_BYTES];
    random.nextBytes(salt);
    return salt;
  }

  /** A new receipt of 100 random bits. */
  public Receipt newReceipt() {
    return Receipt.generate(random);
  }

  /**
   * What the slow hash of a receipt gives: the lookup id (not secret once stored), the verifier and
   * the key that unwraps the thread's private key, with the receipt's {@link #hint}. Costs one
   * Argon2id run.
   */
  public ReceiptProof derive(Receipt receipt, byte[] officeSalt) {
    Objects.requireNonNull(receipt, "receipt");
    String hint = hint(receipt, officeSalt);
    byte[] master;
    try (Passphrase secret = receipt.secret()) {
      master = Argon2Kdf.derive(secret, officeSalt, kdf);
    }
    try {
      return new ReceiptProof(
          HexFormat.of().formatHex(hkdf(master, "lookup", 16)),
          hint,
          hkdf(master, "verifier", 32),
          hkdf(master, "thread-kek", 32));
    } finally {
      Arrays.fill(master, (byte) 0);
    }
  }

  /**
   * The fast hint of a receipt: the first 3 bytes (24 bits) of HMAC-SHA256 over the receipt's 20
   * canonical symbols, keyed with a key derived by HKDF from the office-wide salt (its own info
   * string, so it is no other key of the portal), as 6 lowercase hex digits. Costs microseconds.
   *
   * <p>It is safe to store next to the thread. The salt is in the database, so a thief of the
   * database can compute hints; but a hint only narrows the receipt space by 24 bits: of the
   * 2<sup>100</sup> receipts, 2<sup>76</sup> share any given thread's hint, and each of them still
   * needs one Argon2id run (64 MiB) to be confirmed against the lookup id and verifier, so the
   * thief is left with the same hopeless search (2<sup>100</sup> to 2<sup>76</sup> slow hashes,
   * instead of 2<sup>100</sup> to 2<sup>100</sup>). An online guesser, who has no salt, cannot
   * compute hints at all: to them the hint is a keyed function, and its only effect is that the
   * server answers their wrong guesses faster. A hint is in no way part of the lookup id, the
   * verifier or the key that unwraps the thread, which all come from the slow hash.
   *
   * @throws IllegalArgumentException if the salt does not have the length {@link #newSalt} gives
   */
  public String hint(Receipt receipt, byte[] officeSalt) {
    Objects.requireNonNull(receipt, "receipt");
    byte[] key = hkdf(checkSalt(officeSalt), "receipt-hint-key", 32);
    byte[] symbols;
    try (Passphrase secret = receipt.secret()) {
      symbols = secret.utf8();
    }
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key, HMAC_SHA256));
      return HexFormat.of().formatHex(mac.doFinal(symbols), 0, HINT_BYTES);
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not compute a receipt hint");
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(symbols, (byte) 0);
    }
  }

  private static byte[] checkSalt(byte[] officeSalt) {
    if (Objects.requireNonNull(officeSalt, "officeSalt").length != Argon2Kdf.SALT_BYTES) {
      throw new IllegalArgumentException("The portal salt has the wrong length");
    }
    return officeSalt;
  }

  private static byte[] hkdf(byte[] master, String label, int size) {
    try {
      return Hkdf.computeHkdf(
          HKDF_SHA256,
          master,
          NO_SALT,
          ("ombuds.vault.v1.portal." + label).getBytes(StandardCharsets.UTF_8),
          size);
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not derive a portal key");
    }
  }

  /** What to store for a new thread; nothing in it is secret without the receipt. */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out
  public record ThreadRecord(
      String lookup,
      String hint,
      byte[] verifier,
      byte[] publicKeyset,
      byte[] wrappedPrivate,
      byte[] decisionKey) {
    public ThreadRecord {
      Objects.requireNonNull(lookup, "lookup");
      Objects.requireNonNull(hint, "hint");
      verifier = verifier.clone();
      publicKeyset = publicKeyset.clone();
      wrappedPrivate = wrappedPrivate.clone();
      decisionKey = decisionKey.clone();
    }

    /** The public key of the visitor's decisions in this thread ({@link #verifyDecision}). */
    @Override
    public byte[] decisionKey() {
      return decisionKey.clone();
    }

    @Override
    public byte[] verifier() {
      return verifier.clone();
    }

    @Override
    public byte[] publicKeyset() {
      return publicKeyset.clone();
    }

    @Override
    public byte[] wrappedPrivate() {
      return wrappedPrivate.clone();
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }

    @Override
    public String toString() {
      return "ThreadRecord[" + lookup + "]";
    }
  }

  /** A new HPKE key pair for a thread, its private part wrapped under the receipt's key. */
  public ThreadRecord newThread(ReceiptProof proof, String threadId) {
    Objects.requireNonNull(proof, "proof");
    FieldRef.checkPart("thread id", threadId);
    KeysetHandle pair = Tinks.newHybridKeyset();
    byte[] secret = Tinks.serializeSecret(pair);
    byte[] kek = proof.kek();
    try {
      byte[] wrapped = Tinks.rawAead(kek).encrypt(secret, threadAd(threadId));
      return new ThreadRecord(
          proof.lookup(),
          proof.hint(),
          proof.verifier(),
          Tinks.publicKeyset(pair),
          wrapped,
          decisionKey(proof, threadId).generatePublicKey().getEncoded());
    } catch (GeneralSecurityException e) {
      throw new VaultException("The thread key could not be wrapped");
    } finally {
      Arrays.fill(secret, (byte) 0);
      Arrays.fill(kek, (byte) 0);
    }
  }

  /**
   * Opens a thread's private key with the receipt's proof.
   *
   * @return empty if the verifier does not match (compared in constant time) or the wrapped key
   *     does not open with this receipt for this thread
   */
  public Optional<ThreadKey> open(
      ReceiptProof proof, String threadId, byte[] storedVerifier, byte[] wrappedPrivate) {
    Objects.requireNonNull(proof, "proof");
    FieldRef.checkPart("thread id", threadId);
    byte[] verifier = proof.verifier();
    boolean same = MessageDigest.isEqual(verifier, storedVerifier);
    Arrays.fill(verifier, (byte) 0);
    if (!same) {
      return Optional.empty();
    }
    byte[] kek = proof.kek();
    byte[] secret;
    try {
      secret = Tinks.rawAead(kek).decrypt(wrappedPrivate, threadAd(threadId));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    } finally {
      Arrays.fill(kek, (byte) 0);
    }
    try {
      return Optional.of(
          new ThreadKey(
              threadId,
              Tinks.hybridDecrypt(Tinks.parseSecret(secret)),
              decisionKey(proof, threadId)));
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  /**
   * The key that signs the visitor's decisions in a thread: an Ed25519 key whose seed is derived
   * (HKDF) from the receipt's key for this thread, so that it is never stored anywhere and only
   * whoever holds the receipt can sign.
   */
  private static Ed25519PrivateKeyParameters decisionKey(ReceiptProof proof, String threadId) {
    byte[] kek = proof.kek();
    byte[] seed = hkdf(kek, "decision-signing." + threadId, Ed25519PrivateKeyParameters.KEY_SIZE);
    try {
      return new Ed25519PrivateKeyParameters(seed, 0);
    } finally {
      Arrays.fill(kek, (byte) 0);
      Arrays.fill(seed, (byte) 0);
    }
  }

  /**
   * Whether {@code signature} is the visitor's signature of {@code decision} under the thread's
   * {@link ThreadKey#decisionPublicKey}. Never throws on a malformed key or signature.
   */
  public static boolean verifyDecision(byte[] publicKey, byte[] decision, byte[] signature) {
    if (publicKey == null
        || signature == null
        || publicKey.length != Ed25519PublicKeyParameters.KEY_SIZE
        || signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
      return false;
    }
    try {
      Ed25519Signer verifier = new Ed25519Signer();
      verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
      verifier.update(decision, 0, decision.length);
      return verifier.verifySignature(signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static byte[] threadAd(String threadId) {
    return AssociatedData.of("portal-thread-key", threadId);
  }

  /**
   * Seals a message to a thread's public keyset: readable with the thread's receipt only. The
   * context is bound to the ciphertext and must be given again to open it.
   */
  public byte[] sealToThread(byte[] publicKeyset, byte[] plaintext, byte[] context) {
    Objects.requireNonNull(publicKeyset, "publicKeyset");
    Objects.requireNonNull(plaintext, "plaintext");
    try {
      return Tinks.hybridEncrypt(publicKeyset).encrypt(plaintext, threadContext(context));
    } catch (GeneralSecurityException e) {
      throw new VaultException("A message could not be sealed to the thread");
    }
  }

  /**
   * Opens what {@link #sealToThread} sealed.
   *
   * @throws VaultException if the message is damaged, or was sealed with another context or to
   *     another thread
   */
  public byte[] openFromThread(ThreadKey key, byte[] ciphertext, byte[] context) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ciphertext, "ciphertext");
    try {
      return key.decrypt().decrypt(ciphertext, threadContext(context));
    } catch (GeneralSecurityException e) {
      throw new VaultException(
          "A thread message could not be opened: it is damaged or belongs elsewhere");
    }
  }

  private static byte[] threadContext(byte[] context) {
    if (Objects.requireNonNull(context, "context").length == 0) {
      throw new IllegalArgumentException("A sealed message needs a non-empty context");
    }
    return AssociatedData.of("portal-thread-seal", new String(context, StandardCharsets.UTF_8));
  }

  /** The slow hash of a receipt. Prints its lookup id only. */
  public static final class ReceiptProof {
    private final String lookup;
    private final String hint;
    private final byte[] verifier;
    private final byte[] kek;

    ReceiptProof(String lookup, String hint, byte[] verifier, byte[] kek) {
      this.lookup = lookup;
      this.hint = hint;
      this.verifier = verifier;
      this.kek = kek;
    }

    /** The id under which the thread is stored: not secret (it is in the database). */
    public String lookup() {
      return lookup;
    }

    /** The receipt's fast {@link PortalVault#hint}: not secret either (it is in the database). */
    public String hint() {
      return hint;
    }

    byte[] verifier() {
      return verifier.clone();
    }

    byte[] kek() {
      return kek.clone();
    }

    @Override
    public String toString() {
      return "[REDACTED]";
    }
  }

  /** The private key of one thread, in memory while its visitor's portal session lasts. */
  public static final class ThreadKey {
    private final String threadId;
    private final HybridDecrypt decrypt;
    private final Ed25519PrivateKeyParameters decisions;

    ThreadKey(String threadId, HybridDecrypt decrypt, Ed25519PrivateKeyParameters decisions) {
      this.threadId = threadId;
      this.decrypt = decrypt;
      this.decisions = decisions;
    }

    /** The thread this key opens. */
    public String threadId() {
      return threadId;
    }

    /**
     * The public half of the key that signs this visitor's decisions (32 bytes, Ed25519): what the
     * thread's row keeps so that a release can check a decision while the visitor is away.
     */
    public byte[] decisionPublicKey() {
      return decisions.generatePublicKey().getEncoded();
    }

    /**
     * Signs a decision of the visitor (a grant, a refusal, a withdrawal), given as the exact bytes
     * that name it: only a session opened with the receipt holds this key.
     */
    public byte[] signDecision(byte[] decision) {
      Ed25519Signer signer = new Ed25519Signer();
      signer.init(true, decisions);
      signer.update(decision, 0, decision.length);
      return signer.generateSignature();
    }

    HybridDecrypt decrypt() {
      return decrypt;
    }

    @Override
    public String toString() {
      return "[REDACTED]";
    }
  }
}
