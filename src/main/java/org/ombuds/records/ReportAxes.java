package org.ombuds.records;

import java.util.List;

/**
 * The values each table of the report lists, in order, so that a table shows every row (zeros too)
 * and the same rows every year. Given by the composition root from the case file's vocabularies, so
 * this package does not depend on the case file.
 *
 * @param categories the reporting category codes (e.g. {@code 2}, {@code 2b}); a code's category is
 *     its leading digits
 * @param options each option kind; an option is counted as {@code KIND:DECISION}
 */
public record ReportAxes(
    List<String> contractTypes,
    List<String> genders,
    List<String> ageBands,
    List<String> categories,
    List<String> outcomes,
    List<String> options,
    List<String> decisions) {

  /** The row for a visitor attribute or category that was not given. */
  public static final String NOT_GIVEN = "NOT_GIVEN";

  /** The category row for codes outside the nine IOA categories (the office's own codes). */
  public static final String OTHER = "other";

  /** The IOA categories, 1 to 9. */
  public static final List<String> TOP_CATEGORIES =
      List.of("1", "2", "3", "4", "5", "6", "7", "8", "9");

  public ReportAxes {
    contractTypes = List.copyOf(contractTypes);
    genders = List.copyOf(genders);
    ageBands = List.copyOf(ageBands);
    categories = List.copyOf(categories);
    outcomes = List.copyOf(outcomes);
    options = List.copyOf(options);
    decisions = List.copyOf(decisions);
  }

  /** The top category of a code: its leading digits when 1 to 9, else {@link #OTHER}. */
  public static String topOf(String code) {
    int i = 0;
    while (i < code.length() && Character.isDigit(code.charAt(i))) {
      i++;
    }
    String head = code.substring(0, i);
    return TOP_CATEGORIES.contains(head) ? head : OTHER;
  }
}
