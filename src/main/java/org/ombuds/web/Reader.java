package org.ombuds.web;

/** One page request's reader: who is asking, and in which language. */
record Reader(String actor, PageModel page, Labels labels) {
  String t(String key, Object... args) {
    return page.t(key, args);
  }

  I18n i18n() {
    return page.i18n();
  }
}
