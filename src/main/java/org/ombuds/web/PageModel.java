package org.ombuds.web;

import java.util.Optional;

/**
 * What every page needs: the words in the reader's language, the form token, and who is logged in.
 */
public record PageModel(I18n i18n, String csrf, Optional<String> username) {

  /** Shorthand for templates. */
  public String t(String key, Object... args) {
    return i18n.t(key, args);
  }

  public String lang() {
    return i18n.lang();
  }
}
