package org.ombuds.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The acceptance measure of DESIGN.md on a labelled set of generated drafts (see {@link
 * LabelledDrafts}): at least 99 % of high-risk drafts flagged HIGH, at most 5 % of safe drafts
 * flagged HIGH, and every name or pseudonym of the case found in whatever spelling the generator
 * chose. Seeds 0..999: reproducible. The figures are printed to the build log.
 */
class LabelledSetTest {
  private static final int DRAFTS = 1000;

  @Test
  void high_risk_drafts_are_flagged_and_safe_ones_are_not() {
    AnonymityEstimator estimator = new AnonymityEstimator();
    int high = 0;
    int highFlagged = 0;
    int safe = 0;
    int safeFlagged = 0;
    int names = 0;
    int namesFound = 0;
    List<String> misses = new ArrayList<>();
    List<String> falseAlarms = new ArrayList<>();
    List<String> namesMissed = new ArrayList<>();
    for (long seed = 0; seed < DRAFTS; seed++) {
      LabelledDrafts.Draft d = LabelledDrafts.generate(seed);
      Estimate e = estimator.estimate(d.text(), d.context());
      boolean flagged = e.level() == Level.HIGH;
      if (d.highRisk()) {
        high++;
        if (flagged) {
          highFlagged++;
        } else {
          misses.add(describe(d, e));
        }
      } else {
        safe++;
        if (flagged) {
          safeFlagged++;
          falseAlarms.add(describe(d, e));
        }
      }
      for (LabelledDrafts.Inserted in : d.inserted()) {
        if (!in.caseName()) {
          continue;
        }
        names++;
        boolean found =
            e.findings().stream()
                .anyMatch(
                    f ->
                        (f.kind() == FindingKind.NAME || f.kind() == FindingKind.PSEUDONYM)
                            && f.start() < in.end()
                            && in.start() < f.end());
        if (found) {
          namesFound++;
        } else {
          namesMissed.add(d.text().substring(in.start(), in.end()) + " in: " + d.text());
        }
      }
    }
    double recall = (double) highFlagged / high;
    double falseAlarmRate = (double) safeFlagged / safe;
    System.out.printf(
        Locale.ROOT,
        "Anonymity labelled set (%d drafts, seeds 0..%d): high-risk flagged HIGH %d/%d = %.2f %%"
            + " (target >= 99 %%); safe flagged HIGH %d/%d = %.2f %% (target <= 5 %%);"
            + " case names found %d/%d.%n",
        DRAFTS,
        DRAFTS - 1,
        highFlagged,
        high,
        100 * recall,
        safeFlagged,
        safe,
        100 * falseAlarmRate,
        namesFound,
        names);
    misses.stream().limit(10).forEach(m -> System.out.println("  missed: " + m));
    falseAlarms.stream().limit(10).forEach(m -> System.out.println("  false alarm: " + m));

    assertThat(high).as("high-risk drafts").isGreaterThanOrEqualTo(200);
    assertThat(safe).as("safe drafts").isGreaterThanOrEqualTo(200);
    assertThat(recall)
        .as("share of high-risk drafts flagged HIGH: %s", misses)
        .isGreaterThanOrEqualTo(0.99);
    assertThat(falseAlarmRate).as("share of safe drafts flagged HIGH").isLessThanOrEqualTo(0.05);
    assertThat(namesMissed).as("case names not found").isEmpty();
    assertThat(names).isGreaterThanOrEqualTo(100);
  }

  private static String describe(LabelledDrafts.Draft d, Estimate e) {
    return "seed "
        + d.seed()
        + ", unit "
        + d.context().unitSize()
        + ", "
        + d.context().composition()
        + ", inserted "
        + d.inserted().stream().map(i -> i.type() + (i.highRisk() ? "!" : "")).toList()
        + " -> "
        + e.level()
        + " set "
        + e.anonymitySet()
        + " "
        + e.findings().stream().map(f -> f.kind() + ":" + f.excerpt()).toList();
  }
}
