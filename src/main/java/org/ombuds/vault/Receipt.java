package org.ombuds.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A visitor's receipt for the portal: 100 random bits, the only way back to their thread.
 *
 * <p>Text form: 20 Crockford base32 symbols (5 random bits each) and one check symbol, shown in
 * five groups as {@code ABCD-EFGH-JKMN-PQRS-TVWXC}. The check symbol is 5 bits of SHA-256 of the 20
 * symbols: it catches a mistyped receipt (with probability 31/32) before any slow hashing is spent
 * on it, and it reveals nothing of the 100 secret bits. {@link #parse} ignores case, spaces and
 * dashes and reads {@code O} as zero and {@code I}, {@code L} as one. {@link #toString()} never
 * shows the receipt; {@link #reveal()} does, to show it once.
 */
public final class Receipt {
  static final int SYMBOLS = 20;
  private static final int[] GROUPS = {4, 4, 4, 4, 5};

  private final String symbols;

  private Receipt(String symbols) {
    this.symbols = symbols;
  }

  static Receipt generate(SecureRandom random) {
    StringBuilder s = new StringBuilder(SYMBOLS);
    for (int i = 0; i < SYMBOLS; i++) {
      s.append(Base32.CROCKFORD.charAt(random.nextInt(32)));
    }
    return new Receipt(s.toString());
  }

  /**
   * Reads a receipt as written down.
   *
   * @throws IllegalArgumentException with a plain message that never repeats the receipt, if the
   *     text is not a well-typed receipt
   */
  public static Receipt parse(String text) {
    Objects.requireNonNull(text, "text");
    StringBuilder s = new StringBuilder(SYMBOLS + 1);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '-' || Character.isWhitespace(c)) {
        continue;
      }
      int v = symbolValue(c);
      if (v < 0) {
        throw new IllegalArgumentException(
            "A receipt uses only digits and the letters A to Z except U: please check it.");
      }
      if (s.length() > SYMBOLS) {
        throw wrongLength();
      }
      s.append(Base32.CROCKFORD.charAt(v));
    }
    if (s.length() != SYMBOLS + 1) {
      throw wrongLength();
    }
    String body = s.substring(0, SYMBOLS);
    if (s.charAt(SYMBOLS) != check(body)) {
      throw new IllegalArgumentException(
          "The receipt has a typo: please compare each group with what you wrote down.");
    }
    return new Receipt(body);
  }

  private static IllegalArgumentException wrongLength() {
    return new IllegalArgumentException(
        "A receipt has 21 letters and digits (five groups): please check it.");
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

  static char check(String body) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest(("ombuds.receipt.check\0" + body).getBytes(StandardCharsets.UTF_8));
      return Base32.CROCKFORD.charAt(h[0] & 31);
    } catch (NoSuchAlgorithmException e) {
      throw new VaultException("SHA-256 is missing from this Java runtime");
    }
  }

  /** The receipt to show once: five groups joined by dashes, the last with the check symbol. */
  public String reveal() {
    String all = symbols + check(symbols);
    StringBuilder out = new StringBuilder(all.length() + GROUPS.length);
    int at = 0;
    for (int g : GROUPS) {
      if (at > 0) {
        out.append('-');
      }
      out.append(all, at, at + g);
      at += g;
    }
    return out.toString();
  }

  /** The 20 secret symbols, as the input of the slow hash. */
  Passphrase secret() {
    return Passphrase.of(symbols);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Receipt r
        && MessageDigest.isEqual(
            symbols.getBytes(StandardCharsets.US_ASCII),
            r.symbols.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int hashCode() {
    return 0; // no hash of a secret; receipts are not meant for hash maps
  }

  /** Returns {@code [REDACTED]}. */
  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
