package org.ombuds.vault;

/**
 * Base32 without padding, in two alphabets: RFC 4648 (for authenticator apps) and Crockford (for
 * recovery keys printed for humans: no I, L, O or U).
 */
final class Base32 {
  static final String RFC4648 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private Base32() {}

  /** Encodes bytes as ceil(8n/5) symbols; unused low bits of the last symbol are zero. */
  static String encode(byte[] data, String alphabet) {
    StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
    int buffer = 0;
    int bits = 0;
    for (byte b : data) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >>> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /**
   * Decodes 5-bit values (already mapped from symbols) into {@code byteCount} bytes.
   *
   * @throws IllegalArgumentException if the count does not match or the padding bits are not zero
   */
  static byte[] decode(int[] values, int byteCount) {
    if (values.length != (byteCount * 8 + 4) / 5) {
      throw new IllegalArgumentException("wrong number of base32 symbols");
    }
    byte[] out = new byte[byteCount];
    int buffer = 0;
    int bits = 0;
    int index = 0;
    for (int value : values) {
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out[index++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    if ((buffer & ((1 << bits) - 1)) != 0) {
      throw new IllegalArgumentException("non-zero base32 padding bits");
    }
    return out;
  }
}
