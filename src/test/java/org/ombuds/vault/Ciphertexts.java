package org.ombuds.vault;

import java.util.Arrays;

/** Helpers to damage ciphertexts in tests. */
final class Ciphertexts {
  private Ciphertexts() {}

  static byte[] flipBit(byte[] ciphertext, int position, int bit) {
    byte[] copy = ciphertext.clone();
    copy[position] ^= (byte) (1 << bit);
    return copy;
  }

  static byte[] truncate(byte[] ciphertext, int length) {
    return Arrays.copyOf(ciphertext, length);
  }
}
