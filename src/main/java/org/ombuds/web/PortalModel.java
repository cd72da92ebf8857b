package org.ombuds.web;

/**
 * What every portal page needs: the words in the visitor's language, the form token (the session's
 * anti-forgery token, or a one-time form nonce before a session exists) and the page's path for the
 * language links.
 */
public record PortalModel(I18n i18n, String csrf, String here) {
  /** Shorthand for templates. */
  public String t(String key, Object... args) {
    return i18n.t(key, args);
  }

  public String lang() {
    return i18n.lang();
  }

  /** A portal path in this language: the language travels in the address, never in a cookie. */
  public String href(String path) {
    return path + (path.contains("?") ? "&" : "?") + "lang=" + i18n.lang();
  }

  /** The same page in another language. */
  public String switchTo(String lang) {
    return here + (here.contains("?") ? "&" : "?") + "lang=" + lang;
  }
}
