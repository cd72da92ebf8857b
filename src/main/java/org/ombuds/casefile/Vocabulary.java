package org.ombuds.casefile;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parses the closed vocabularies of the case file from text, with a clear message listing the valid
 * values.
 */
public final class Vocabulary {
  private Vocabulary() {}

  /**
   * The constant of {@code type} named {@code text} (case-insensitive), or a refusal naming the
   * valid ones.
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String text) {
    String wanted =
        text == null
            ? ""
            : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    throw new CaseException(
        CaseException.Reason.INVALID,
        "Unknown "
            + field
            + ". Valid values: "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", "))
            + ".");
  }
}
