package org.ombuds.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * The unwrapped office secrets, in memory only: the office AEAD keyset (AES-256-GCM) and the office
 * HPKE private keyset. Obtained from {@link Vault#createOffice()} or by unwrapping; passed back to
 * the {@link Vault} to use them. They never leave this package except wrapped.
 *
 * <p>Immutable and safe to share between threads. {@link #toString()} never shows a key.
 */
public final class OfficeKeys {
  private static final byte FORMAT = 1;

  private final KeysetHandle aeadKeyset;
  private final KeysetHandle hybridKeyset;
  private final Aead aead;
  private final HybridDecrypt hybridDecrypt;
  private final byte[] publicKeyset;

  private OfficeKeys(KeysetHandle aeadKeyset, KeysetHandle hybridKeyset) {
    this.aeadKeyset = aeadKeyset;
    this.hybridKeyset = hybridKeyset;
    this.aead = Tinks.aead(aeadKeyset);
    this.hybridDecrypt = Tinks.hybridDecrypt(hybridKeyset);
    this.publicKeyset = Tinks.publicKeyset(hybridKeyset);
  }

  static OfficeKeys generate() {
    return new OfficeKeys(Tinks.newAeadKeyset(), Tinks.newHybridKeyset());
  }

  Aead aead() {
    return aead;
  }

  HybridDecrypt hybridDecrypt() {
    return hybridDecrypt;
  }

  /** The office HPKE public keyset (not secret), as returned by {@link Vault#createOffice()}. */
  public byte[] publicKeyset() {
    return publicKeyset.clone();
  }

  /**
   * Whether a stored public keyset is this office's own. The public keyset is stored in clear, so
   * someone with write access to the database could replace it with their own and read what the
   * visitor portal seals afterwards; check it with this method whenever the office keys are
   * unwrapped, and raise the alarm if it fails.
   */
  public boolean ownsPublicKeyset(byte[] candidate) {
    return MessageDigest.isEqual(publicKeyset, Objects.requireNonNull(candidate, "candidate"));
  }

  /**
   * The secrets as plaintext for wrapping: format byte, then each keyset as a 4-byte length and its
   * Tink binary serialisation. The caller encrypts and wipes the array.
   */
  byte[] serializeForWrapping() {
    byte[] aeadBytes = Tinks.serializeSecret(aeadKeyset);
    byte[] hybridBytes = Tinks.serializeSecret(hybridKeyset);
    try {
      ByteBuffer out =
          ByteBuffer.allocate(1 + 2 * Integer.BYTES + aeadBytes.length + hybridBytes.length);
      out.put(FORMAT).putInt(aeadBytes.length).put(aeadBytes);
      out.putInt(hybridBytes.length).put(hybridBytes);
      return out.array();
    } finally {
      Arrays.fill(aeadBytes, (byte) 0);
      Arrays.fill(hybridBytes, (byte) 0);
    }
  }

  /** Reads {@link #serializeForWrapping()}; the plaintext was authenticated by the caller. */
  static OfficeKeys deserialize(byte[] plaintext) {
    byte[] aeadBytes = new byte[0];
    byte[] hybridBytes = new byte[0];
    try {
      ByteBuffer in = ByteBuffer.wrap(plaintext);
      if (in.get() != FORMAT) {
        throw new VaultException("The unwrapped office keys have an unknown format");
      }
      aeadBytes = readBlock(in);
      hybridBytes = readBlock(in);
      if (in.hasRemaining()) {
        throw new VaultException("The unwrapped office keys are malformed");
      }
      return new OfficeKeys(Tinks.parseSecret(aeadBytes), Tinks.parseSecret(hybridBytes));
    } catch (BufferUnderflowException e) {
      throw new VaultException("The unwrapped office keys are malformed");
    } finally {
      Arrays.fill(aeadBytes, (byte) 0);
      Arrays.fill(hybridBytes, (byte) 0);
    }
  }

  private static byte[] readBlock(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0 || length > in.remaining()) {
      throw new VaultException("The unwrapped office keys are malformed");
    }
    byte[] block = new byte[length];
    in.get(block);
    return block;
  }

  /** Returns {@code [REDACTED]}. */
  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
