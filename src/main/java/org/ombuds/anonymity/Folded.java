package org.ombuds.anonymity;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text as the detectors see it, with a way back to the original.
 *
 * <p>Folding makes spellings compare equal: lower case; accents and other combining marks dropped
 * after compatibility decomposition (NFKD: "Hélène" and "HELENE" both become "helene", full-width
 * "Ｊａｎｅ" becomes "jane"); letters that do not decompose spelled out (ß ss, æ ae, œ oe, ø o, ł l,
 * đ/ð d, þ th, dotless ı i); curly apostrophes and quotes, dashes and asterisk look-alikes (∗ ⁎ ✱ ＊
 * ...) unified; invisible format characters (soft hyphen, zero-width space) removed, so a name
 * cannot hide behind them. One original character may fold to several (ß) or none (a combining
 * accent), so each folded char remembers the original char it came from.
 *
 * <p>Tokens are maximal runs of letters and digits of the folded text: "Jane's" is {@code jane},
 * {@code s}; "O'Brien" is {@code o}, {@code brien}; "Janet" is one token and never {@code jane}.
 */
final class Folded {
  /** Marks a character to remove, as opposed to "" for "no special rule". */
  private static final String DROP = "\u0000drop";

  private static final int TABLE_END = 0x250;
  private static final String[] TABLE = new String[TABLE_END];

  static {
    for (int cp = 0; cp < TABLE_END; cp++) {
      TABLE[cp] = compute(cp);
    }
  }

  private final String original;
  private final String folded;
  private final int[] from;
  private final int[] to;
  private final int tokenCount;
  private final int[] tokenStart;
  private final int[] tokenEnd;
  private final String[] tokens;

  private Folded(String original, String folded, int[] from, int[] to) {
    this.original = original;
    this.folded = folded;
    this.from = from;
    this.to = to;
    int n = folded.length();
    int[] starts = new int[16];
    int[] ends = new int[16];
    int count = 0;
    int i = 0;
    while (i < n) {
      if (!Character.isLetterOrDigit(folded.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && Character.isLetterOrDigit(folded.charAt(i))) {
        i++;
      }
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
      }
      starts[count] = s;
      ends[count] = i;
      count++;
    }
    this.tokenCount = count;
    this.tokenStart = starts;
    this.tokenEnd = ends;
    this.tokens = new String[count];
    for (int t = 0; t < count; t++) {
      tokens[t] = folded.substring(starts[t], ends[t]);
    }
  }

  /** Folds {@code text}. Linear in its length. */
  static Folded of(String text) {
    int n = text.length();
    StringBuilder sb = new StringBuilder(n + 8);
    int[] from = new int[n + 8];
    int[] to = new int[n + 8];
    int len = 0;
    int i = 0;
    while (i < n) {
      char ch = text.charAt(i);
      if (ch < 0x80 && ch != '`') {
        // ASCII: lower case is all there is to fold.
        if (len == from.length) {
          from = Arrays.copyOf(from, len * 2);
          to = Arrays.copyOf(to, len * 2);
        }
        from[len] = i;
        to[len] = i + 1;
        sb.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
        len++;
        i++;
        continue;
      }
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      String f = fold(cp);
      for (int k = 0; k < f.length(); k++) {
        if (len == from.length) {
          from = Arrays.copyOf(from, len * 2);
          to = Arrays.copyOf(to, len * 2);
        }
        from[len] = i;
        to[len] = next;
        sb.append(f.charAt(k));
        len++;
      }
      i = next;
    }
    return new Folded(text, sb.toString(), from, to);
  }

  /** The folded form of one code point: "" for marks and invisible characters. */
  static String fold(int cp) {
    return cp >= 0 && cp < TABLE_END ? TABLE[cp] : compute(cp);
  }

  private static String compute(int cp) {
    String special = special(cp);
    if (!special.isEmpty()) {
      return special.equals(DROP) ? "" : special;
    }
    int type = Character.getType(cp);
    if (type == Character.FORMAT || isMark(type)) {
      return "";
    }
    if (cp < 0x80) {
      return String.valueOf((char) Character.toLowerCase(cp));
    }
    String d = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD);
    StringBuilder sb = new StringBuilder(d.length());
    d.codePoints()
        .forEach(
            c -> {
              if (isMark(Character.getType(c))) {
                return;
              }
              String s = special(c);
              if (s.isEmpty()) {
                sb.appendCodePoint(Character.toLowerCase(c));
              } else if (!s.equals(DROP)) {
                sb.append(s);
              }
            });
    return sb.toString();
  }

  /** Letters and signs that NFKD leaves alone but that people write in other ways. */
  private static String special(int cp) {
    return switch (cp) {
      case 0xDF, 0x1E9E -> "ss";
      case 0xE6, 0xC6 -> "ae";
      case 0x153, 0x152 -> "oe";
      case 0xF8, 0xD8 -> "o";
      case 0x142, 0x141 -> "l";
      case 0x111, 0x110, 0xF0, 0xD0 -> "d";
      case 0xFE, 0xDE -> "th";
      case 0x131 -> "i";
      case 0x127, 0x126 -> "h";
      case 0x2019, 0x2018, 0x201B, 0x2BC, 0x2BB, 0xB4, 0x2032, 0x60 -> "'";
      case 0x201C, 0x201D, 0x201E, 0x201F, 0xAB, 0xBB, 0x2033 -> "\"";
      case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D -> "-";
      case 0x2217,
          0x204E,
          0x2731,
          0x2732,
          0x2733,
          0x22C6,
          0x2605,
          0x2606,
          0x66D,
          0xFE61,
          0xFF0A,
          0x273A,
          0x2722,
          0x2055 ->
          "*";
      case 0xAD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF -> DROP;
      default -> "";
    };
  }

  private static boolean isMark(int type) {
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  String folded() {
    return folded;
  }

  int length() {
    return folded.length();
  }

  int tokenCount() {
    return tokenCount;
  }

  String token(int t) {
    return tokens[t];
  }

  int tokenStart(int t) {
    return tokenStart[t];
  }

  int tokenEnd(int t) {
    return tokenEnd[t];
  }

  /** The original offset where the folded char at {@code foldedStart} comes from. */
  int originalStart(int foldedStart) {
    return foldedStart >= folded.length() ? original.length() : from[foldedStart];
  }

  /**
   * The original offset just after the folded chars before {@code foldedEnd}, including combining
   * marks that followed the last of them.
   */
  int originalEnd(int foldedEnd) {
    if (foldedEnd <= 0) {
      return 0;
    }
    int e = to[foldedEnd - 1];
    while (e < original.length()) {
      int cp = original.codePointAt(e);
      if (!isMark(Character.getType(cp))) {
        break;
      }
      e += Character.charCount(cp);
    }
    return e;
  }

  /** The original text of the folded span {@code [fs, fe)}. */
  String excerpt(int fs, int fe) {
    return original.substring(originalStart(fs), originalEnd(fe));
  }

  /** Whether the original letter at folded offset {@code fs} is upper or title case. */
  boolean capitalizedAt(int fs) {
    int cp = original.codePointAt(originalStart(fs));
    return Character.isUpperCase(cp) || Character.isTitleCase(cp);
  }

  /** Whether an asterisk (maybe escaped as {@code \*}) follows folded offset {@code fe}. */
  boolean asteriskAt(int fe) {
    int i = fe;
    if (i < folded.length() && folded.charAt(i) == '\\') {
      i++;
    }
    return i < folded.length() && folded.charAt(i) == '*';
  }

  /**
   * Whether tokens {@code a} and {@code a + 1} are close enough to belong to one phrase: at most
   * four characters apart, all of them spaces or the punctuation that joins words inside a name or
   * a phrase ({@code - ' / ( ) , *}); never across a full stop or a line break.
   */
  boolean joinable(int a) {
    int s = tokenEnd[a];
    int e = tokenStart[a + 1];
    if (e - s > 4) {
      return false;
    }
    for (int i = s; i < e; i++) {
      char c = folded.charAt(i);
      if (c != ' ' && c != '\t' && c != '-' && c != '\'' && c != '/' && c != '(' && c != ')'
          && c != ',' && c != '*' && c != '\\') {
        return false;
      }
    }
    return true;
  }
}
