package org.ombuds.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The interface's words in English or French, from {@code messages_*.properties}. */
public final class I18n {
  public static final List<String> LANGUAGES = List.of("en", "fr");
  private final String lang;
  private final ResourceBundle bundle;

  private I18n(String lang) {
    this.lang = lang;
    this.bundle =
        ResourceBundle.getBundle(
            "org.ombuds.web.messages",
            Locale.forLanguageTag(lang),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static final I18n EN = new I18n("en");
  private static final I18n FR = new I18n("fr");

  /** The words for {@code lang}; English for anything else. */
  public static I18n of(String lang) {
    return "fr".equals(lang) ? FR : EN;
  }

  /** Picks a language from an Accept-Language header. */
  public static String fromAcceptLanguage(String header) {
    if (header == null) {
      return "en";
    }
    try {
      for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
        String tag = r.getRange().toLowerCase(Locale.ROOT);
        for (String l : LANGUAGES) {
          if (tag.equals(l) || tag.startsWith(l + "-")) {
            return l;
          }
        }
      }
    } catch (IllegalArgumentException e) {
      return "en";
    }
    return "en";
  }

  public String lang() {
    return lang;
  }

  /** The text for {@code key}, with {@code args} put in its {0}, {1} ... */
  public String t(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(args);
  }
}
