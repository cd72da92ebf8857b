package org.ombuds.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The protection criterion of the package description, against the {@link Attacker} that knows the
 * algorithm: for every {@code "<T"} cell the attacker can exclude no value of [0, T-1] (of [1, T-1]
 * for the cases of a year that is not empty), and no {@code "<suppressed"} cell is pinned.
 */
class SuppressionProtectionTest {
  private static final int[] THRESHOLDS = {2, 3, 5, 5, 7, 10};

  /** The reviewer's table: OTHER (1) was hidden with its smallest sibling UNDISCLOSED (5). */
  static Figures genderTable() {
    Map<String, Long> cells = new LinkedHashMap<>();
    cells.put("cases", 43L);
    cells.put("visitors", 43L);
    cells.put("gender.WOMAN", 20L);
    cells.put("gender.MAN", 12L);
    cells.put("gender.OTHER", 1L);
    cells.put("gender.UNDISCLOSED", 5L);
    cells.put("gender.NOT_GIVEN", 5L);
    return Figures.of(
        2025,
        cells,
        List.of(
            new Equation(
                "visitors",
                List.of(
                    "gender.WOMAN",
                    "gender.MAN",
                    "gender.OTHER",
                    "gender.UNDISCLOSED",
                    "gender.NOT_GIVEN"))));
  }

  @Test
  void aPartnerOfExactlyTheThreshold_doesNotGiveTheSmallCellAway() {
    PublishedYear p = Suppression.suppress(genderTable(), 5, true);

    Map<String, long[]> b = new Attacker(p).attack();
    assertThat(p.cell("gender.OTHER")).isEqualTo(suppressed(PublishedYear.Hidden.PRIMARY));
    assertThat(b.get("gender.OTHER")).as("OTHER can be anything below 5").containsExactly(0, 4);
    assertThat(Attacker.narrowed(p)).isEmpty();
    sound(genderTable(), p);
  }

  @Test
  void randomTables_neverTellMoreThanTheirLabels() {
    for (long seed = 1; seed <= 400; seed++) {
      Random r = new Random(seed);
      int t = THRESHOLDS[r.nextInt(THRESHOLDS.length)];
      Figures f = RandomTables.table(r, t);
      PublishedYear p = Suppression.suppress(f, t, true);
      assertThat(Attacker.narrowed(p))
          .as("seed %d, threshold %d, %s", seed, t, f.cells())
          .isEmpty();
      sound(f, p);
    }
  }

  @Test
  void randomRecordYears_neverTellMoreThanTheirLabels() {
    for (long seed = 1; seed <= 60; seed++) {
      Random r = new Random(seed * 31);
      int t = THRESHOLDS[r.nextInt(THRESHOLDS.length)];
      int n = 1 + r.nextInt(120);
      Figures f = Figures.of(2025, Synthetic.records(seed, n, List.of(2025)), Synthetic.AXES);
      PublishedYear p = Suppression.suppress(f, t, true);
      assertThat(Attacker.narrowed(p))
          .as("seed %d, %d records, threshold %d", seed, n, t)
          .isEmpty();
      sound(f, p);
    }
  }

  /** The true value lies in the attacker's interval, and every label tells the truth. */
  static void sound(Figures f, PublishedYear p) {
    Map<String, long[]> b = new Attacker(p).attack();
    int t = p.threshold();
    f.cells()
        .forEach(
            (cell, v) -> {
              assertThat(v).as(cell).isBetween(b.get(cell)[0], b.get(cell)[1]);
              switch (p.cell(cell)) {
                case PublishedYear.Shown s -> assertThat(v).as(cell).isGreaterThanOrEqualTo(t);
                case PublishedYear.Suppressed s when s.why() == PublishedYear.Hidden.PRIMARY ->
                    assertThat(v).as(cell).isLessThan(t);
                case PublishedYear.Suppressed s -> assertThat(v).as(cell).isGreaterThanOrEqualTo(t);
              }
            });
  }

  private static PublishedYear.Cell suppressed(PublishedYear.Hidden why) {
    return new PublishedYear.Suppressed(why);
  }
}
