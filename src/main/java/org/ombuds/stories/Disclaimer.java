package org.ombuds.stories;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The series' closing line, saying that names and story are invented (the reference story ends with
 * "* Names and story are purely fictitious."). Every story carries it in its text, so the consented
 * text, and therefore every export, carries it too.
 */
public final class Disclaimer {
  public static final String ENGLISH = "* Names and story are purely fictitious.";
  public static final String FRENCH = "* Les noms et l’histoire sont purement fictifs.";

  private Disclaimer() {}

  /** The disclaimer in {@code lang} ("fr" or anything else for English). */
  public static String in(String lang) {
    return "fr".equals(lang) ? FRENCH : ENGLISH;
  }

  /**
   * Whether {@code text} says that names and story are fictitious, in English or French (case,
   * accents, apostrophe style and spacing do not matter).
   */
  public static boolean presentIn(String text) {
    String t = fold(text);
    return t.contains(fold(ENGLISH.substring(2))) || t.contains(fold(FRENCH.substring(2)));
  }

  /** "fr" when the text carries the French disclaimer, else "en". */
  public static String languageOf(String text) {
    String t = fold(text);
    return t.contains(fold(FRENCH.substring(2))) && !t.contains(fold(ENGLISH.substring(2)))
        ? "fr"
        : "en";
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replace('’', '\'')
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s+", " ");
  }
}
