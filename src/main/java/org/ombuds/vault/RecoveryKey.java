package org.ombuds.vault;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The office recovery key: 160 random bits, printed once for the Ombuds to keep offline.
 *
 * <p>Text form: 36 uppercase Crockford base32 symbols in 9 groups of 4, e.g. {@code 7XQ2-K9MF-...}.
 * The symbols encode the 20 key bytes followed by a CRC-16/CCITT (polynomial 0x1021) of those
 * bytes, then 4 zero padding bits. The CRC detects every error confined to 16 consecutive bits,
 * hence every single mistyped symbol and every swap of two neighbouring symbols, and other typos
 * with probability 1 - 2<sup>-16</sup>. It reveals nothing secret: the key keeps its 160 bits of
 * entropy.
 *
 * <p>{@link #parse(String)} ignores case, spaces and dashes and reads {@code O} as zero and {@code
 * I}, {@code L} as one, as Crockford base32 specifies. {@link #toString()} never shows the key;
 * {@link #reveal()} does, for printing it once.
 */
public final class RecoveryKey {
  static final int KEY_BYTES = 20;
  private static final int CHECK_BYTES = 2;
  private static final int SYMBOLS = ((KEY_BYTES + CHECK_BYTES) * 8 + 4) / 5;
  private static final int GROUP = 4;

  private final byte[] key;

  private RecoveryKey(byte[] key) {
    this.key = key;
  }

  static RecoveryKey generate(SecureRandom random) {
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return new RecoveryKey(key);
  }

  /**
   * Reads a recovery key as printed.
   *
   * @throws IllegalArgumentException with a plain message if the text is not a well-typed recovery
   *     key; the message never repeats the key
   */
  public static RecoveryKey parse(String text) {
    Objects.requireNonNull(text, "text");
    int[] values = new int[SYMBOLS];
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '-' || Character.isWhitespace(c)) {
        continue;
      }
      int value = symbolValue(c);
      if (value < 0) {
        throw new IllegalArgumentException(
            "The recovery key contains a character that recovery keys never use, in group "
                + (count / GROUP + 1)
                + "; they use only digits and the letters A to Z except U");
      }
      if (count < SYMBOLS) {
        values[count] = value;
      }
      count++;
    }
    if (count != SYMBOLS) {
      throw new IllegalArgumentException(
          "A recovery key has "
              + SYMBOLS
              + " letters and digits (9 groups of 4), but this one has "
              + count);
    }
    byte[] decoded;
    try {
      decoded = Base32.decode(values, KEY_BYTES + CHECK_BYTES);
    } catch (IllegalArgumentException e) {
      throw typo();
    } finally {
      Arrays.fill(values, 0);
    }
    try {
      int stored = ((decoded[KEY_BYTES] & 0xff) << 8) | (decoded[KEY_BYTES + 1] & 0xff);
      byte[] key = Arrays.copyOf(decoded, KEY_BYTES);
      if (crc16(key) != stored) {
        Arrays.fill(key, (byte) 0);
        throw typo();
      }
      return new RecoveryKey(key);
    } finally {
      Arrays.fill(decoded, (byte) 0);
    }
  }

  private static IllegalArgumentException typo() {
    return new IllegalArgumentException(
        "The recovery key has a typo: please compare each group with the printed key");
  }

  private static int symbolValue(char c) {
    if (c >= 128) {
      return -1;
    }
    char upper = Character.toUpperCase(c);
    switch (upper) {
      case 'O' -> upper = '0';
      case 'I', 'L' -> upper = '1';
      default -> {}
    }
    return Base32.CROCKFORD.indexOf(upper);
  }

  /** CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF. */
  static int crc16(byte[] data) {
    int crc = 0xffff;
    for (byte b : data) {
      crc ^= (b & 0xff) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x1021) : (crc << 1);
        crc &= 0xffff;
      }
    }
    return crc;
  }

  /** The key as printed: 9 groups of 4 uppercase Crockford base32 symbols joined by dashes. */
  public String reveal() {
    ByteBuffer withCheck = ByteBuffer.allocate(KEY_BYTES + CHECK_BYTES);
    withCheck.put(key).putShort((short) crc16(key));
    String symbols = Base32.encode(withCheck.array(), Base32.CROCKFORD);
    Arrays.fill(withCheck.array(), (byte) 0);
    StringBuilder out = new StringBuilder(SYMBOLS + SYMBOLS / GROUP);
    for (int i = 0; i < symbols.length(); i++) {
      if (i > 0 && i % GROUP == 0) {
        out.append('-');
      }
      out.append(symbols.charAt(i));
    }
    return out.toString();
  }

  /** A copy of the 20 key bytes; the caller must wipe it. */
  byte[] bytes() {
    return key.clone();
  }

  /** Returns {@code [REDACTED]}. */
  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
