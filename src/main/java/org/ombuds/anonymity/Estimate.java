package org.ombuds.anonymity;

import java.util.List;
import java.util.Objects;

/**
 * The result, shown to the Ombuds and to the visitor before consent is given.
 *
 * @param level how easily the recipient could guess the source
 * @param anonymitySet how many members of the unit fit what the text and its context reveal (at
 *     least 1, at most the unit's size)
 * @param findings what helps the recipient guess, sorted by position in the text; findings about
 *     the context (start -1) come first
 * @param suggestions what to change, in plain English, most important first
 */
public record Estimate(
    Level level, int anonymitySet, List<Finding> findings, List<String> suggestions) {
  public Estimate {
    Objects.requireNonNull(level, "level");
    findings = List.copyOf(findings);
    suggestions = List.copyOf(suggestions);
    if (anonymitySet < 1) {
      throw new IllegalArgumentException("The anonymity set has at least one person.");
    }
  }
}
