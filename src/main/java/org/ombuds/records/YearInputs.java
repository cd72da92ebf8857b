package org.ombuds.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the office enters for one year: the personnel count, the personnel's gender shares (for the
 * adjusted gender figures), and the Ombuds' own assessment, observations and recommendations,
 * printed exactly as written. Kept only encrypted under the office key.
 *
 * @param personnel the organization's personnel count (0: not entered)
 * @param genderShares each gender's share of personnel in whole percent (sum at most 100)
 */
public record YearInputs(
    int personnel,
    Map<String, Integer> genderShares,
    String assessment,
    String observations,
    String recommendations) {
  public static final int MAX_PERSONNEL = 10_000_000;
  public static final int MAX_TEXT = 20_000;

  /** Nothing entered. */
  public static final YearInputs NONE = new YearInputs(0, Map.of(), "", "", "");

  public YearInputs {
    if (personnel < 0 || personnel > MAX_PERSONNEL) {
      throw ReportException.invalid(
          "The personnel count must be between 0 and " + MAX_PERSONNEL + ".");
    }
    int sum = 0;
    for (Map.Entry<String, Integer> e : genderShares.entrySet()) {
      if (e.getValue() < 0 || e.getValue() > 100) {
        throw ReportException.invalid("A gender's share of personnel is a percent from 0 to 100.");
      }
      sum += e.getValue();
    }
    if (sum > 100) {
      throw ReportException.invalid("The gender shares of personnel add up to more than 100 %.");
    }
    genderShares = Collections.unmodifiableMap(new LinkedHashMap<>(genderShares));
    check(assessment, "assessment");
    check(observations, "observations");
    check(recommendations, "recommendations");
  }

  private static void check(String text, String what) {
    if (text.length() > MAX_TEXT) {
      throw ReportException.invalid(
          "The " + what + " is too long: at most " + MAX_TEXT + " characters.");
    }
  }
}
