package org.ombuds.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** An Ombuds' login name: 2 to 64 lower-case letters, digits, dots, dashes or underscores. */
public record Username(String value) {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

  public Username {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "A username has 2 to 64 characters: lower-case letters, digits, '.', '-' or '_',"
              + " starting with a letter or digit.");
    }
  }

  /** Parses what a person typed: surrounding spaces are dropped and letters lower-cased. */
  public static Username parse(String typed) {
    return new Username(typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return value;
  }
}
