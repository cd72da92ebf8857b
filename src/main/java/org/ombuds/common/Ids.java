package org.ombuds.common;

import java.util.UUID;
import java.util.regex.Pattern;

/** Generates and checks the random identifiers used for every stored row. */
public final class Ids {
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private Ids() {}

  /** A new random identifier (a version 4 UUID, lower case). */
  public static String newId() {
    return UUID.randomUUID().toString();
  }

  /** True when {@code text} has the shape of an identifier made by {@link #newId()}. */
  public static boolean isId(String text) {
    return text != null && UUID_TEXT.matcher(text).matches();
  }
}
