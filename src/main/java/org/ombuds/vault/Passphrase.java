package org.ombuds.vault;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;

/**
 * A passphrase as typed by an Ombuds, held in a char array that {@link #close()} wipes.
 *
 * <p>The characters are normalised to Unicode NFC when they are not already, so that the same
 * passphrase typed on different keyboards or systems derives the same key. Strength rules (length,
 * blocklists) belong to the account module; the vault only refuses an empty passphrase when
 * wrapping.
 *
 * <p>{@link #toString()} never shows the characters. Use it in a try-with-resources block.
 */
public final class Passphrase implements AutoCloseable {
  private final char[] chars;
  private boolean closed;

  private Passphrase(char[] chars) {
    this.chars = chars;
  }

  /**
   * Copies (and NFC-normalises) the characters; the caller should wipe its own array.
   *
   * @throws IllegalArgumentException if the characters are not valid UTF-16 (a lone surrogate)
   */
  public static Passphrase of(char[] chars) {
    Objects.requireNonNull(chars, "chars");
    for (int i = 0; i < chars.length; i++) {
      boolean pair =
          Character.isHighSurrogate(chars[i])
              && i + 1 < chars.length
              && Character.isLowSurrogate(chars[i + 1]);
      if (pair) {
        i++;
      } else if (Character.isSurrogate(chars[i])) {
        throw new IllegalArgumentException("The passphrase contains an invalid character");
      }
    }
    CharBuffer view = CharBuffer.wrap(chars);
    if (Normalizer.isNormalized(view, Normalizer.Form.NFC)) {
      return new Passphrase(chars.clone());
    }
    return new Passphrase(Normalizer.normalize(view, Normalizer.Form.NFC).toCharArray());
  }

  /**
   * Copies (and NFC-normalises) the characters of a string, which cannot itself be wiped.
   *
   * @throws IllegalArgumentException if the string is not valid UTF-16 (a lone surrogate)
   */
  public static Passphrase of(String s) {
    Objects.requireNonNull(s, "s");
    char[] copy = s.toCharArray();
    try {
      return of(copy);
    } finally {
      Arrays.fill(copy, '\0');
    }
  }

  /** How many characters the passphrase has (UTF-16 units), for length rules. */
  public int length() {
    return checkOpen().length;
  }

  /** How many different characters it has, for rules against {@code "aaaaaaaaaaaa"}. */
  public int distinctCharacters() {
    BitSet seen = new BitSet(Character.MAX_VALUE + 1);
    for (char ch : checkOpen()) {
      seen.set(ch);
    }
    return seen.cardinality();
  }

  /** Whether the passphrase has no characters. */
  public boolean isEmpty() {
    return checkOpen().length == 0;
  }

  /**
   * The passphrase as UTF-8 bytes, in a fresh array the caller must wipe.
   *
   * @throws IllegalStateException after {@link #close()}
   */
  byte[] utf8() {
    var encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] chars = checkOpen();
    ByteBuffer buffer = ByteBuffer.allocate(chars.length * 3);
    try {
      var result = encoder.encode(CharBuffer.wrap(chars), buffer, true);
      if (result.isError()) {
        throw new IllegalStateException("The passphrase cannot be encoded as UTF-8");
      }
      encoder.flush(buffer);
      return Arrays.copyOf(buffer.array(), buffer.position());
    } finally {
      Arrays.fill(buffer.array(), (byte) 0);
    }
  }

  private char[] checkOpen() {
    if (closed) {
      throw new IllegalStateException("The passphrase was closed and wiped");
    }
    return chars;
  }

  /** Wipes the characters; the passphrase cannot be used afterwards. Idempotent. */
  @Override
  public void close() {
    Arrays.fill(chars, '\0');
    closed = true;
  }

  /** Returns {@code [REDACTED]}. */
  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
