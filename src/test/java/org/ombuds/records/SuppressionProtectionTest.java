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

  @Test
  void aTinyYear_isNotEmpty_andTellsOnlyThatThereWereCases() {
    for (int n = 0; n <= 4; n++) {
      Figures f = Figures.of(2025, Synthetic.records(n + 17L, n, List.of(2025)), Synthetic.AXES);
      PublishedYear p = Suppression.suppress(f, 5, true);
      assertThat(p.empty()).as("%d cases: says there were none", n).isEqualTo(n == 0);
      assertThat(p.cell("cases")).isEqualTo(suppressed(PublishedYear.Hidden.PRIMARY));
      // the empty flag tells 0 from 1..4 for the cases, and nothing else: every other hidden cell
      // keeps what its label allows
      assertThat(new Attacker(p).attack().get("cases"))
          .containsExactly(n == 0 ? 0 : 1, n == 0 ? 0 : 4);
      assertThat(Attacker.narrowed(p)).isEmpty();
      sound(f, p);
    }
  }

  /**
   * The attacker who replays the algorithm: a value of a {@code "<T"} cell is excluded unless some
   * other table with that value publishes exactly the same. For one table summing to its total,
   * every value the labels allow has such a twin: the earlier partners at T and the last one taking
   * the rest (the stricter stopping check makes that twin stop where the real table stopped; with
   * the check alone, "one more partner was needed" told that the small cell was below T-1).
   */
  @Test
  void anAttackerWhoReplaysTheAlgorithm_cannotExcludeAValue_inOneTable() {
    int checked = 0;
    for (long seed = 1; seed <= 400; seed++) {
      Random r = new Random(seed);
      int t = THRESHOLDS[r.nextInt(THRESHOLDS.length)];
      Figures f = RandomTables.table(r, t);
      if (f.equations().size() != 1) {
        continue;
      }
      checked += replay(f, t, "seed " + seed);
    }
    checked += replay(genderTable(), 5, "gender table");
    assertThat(checked).isGreaterThan(100);
  }

  private static int replay(Figures f, int t, String what) {
    PublishedYear p = Suppression.suppress(f, t, true);
    Equation e = f.equations().getFirst();
    Map<String, long[]> base = new Attacker(p, true).attack();
    int checked = 0;
    for (String c : f.cells().keySet()) {
      if (!(p.cell(c) instanceof PublishedYear.Suppressed s)
          || s.why() != PublishedYear.Hidden.PRIMARY) {
        continue;
      }
      for (long v = base.get(c)[0]; v <= base.get(c)[1]; v++) {
        assertThat(twin(f, p, e, t, c, v))
            .as("%s: can %s be %d? %s -> %s", what, c, v, f.cells(), p.cells())
            .isTrue();
        checked++;
      }
    }
    return checked;
  }

  /** True when some table with {@code c = v} and the same shown counts publishes the same. */
  private static boolean twin(Figures f, PublishedYear p, Equation e, int t, String c, long v) {
    List<String> small = new java.util.ArrayList<>();
    List<String> secondary = new java.util.ArrayList<>();
    for (String part : e.parts()) {
      if (p.cell(part) instanceof PublishedYear.Suppressed s && !part.equals(c)) {
        (s.why() == PublishedYear.Hidden.PRIMARY ? small : secondary).add(part);
      }
    }
    for (int mask = 0; mask < 2 << Math.min(small.size(), 4); mask++) {
      boolean allAtT = mask % 2 == 1;
      for (int last = 0; last < Math.max(1, secondary.size()); last++) {
        Map<String, Long> w = new LinkedHashMap<>(f.cells());
        if (e.parts().contains(c) || !e.total().equals(c)) {
          w.put(c, v);
        }
        for (int i = 0; i < small.size(); i++) {
          if (i < 4 && (mask & 2 << i) != 0) {
            w.put(small.get(i), 0L);
          }
        }
        boolean totalShown = p.cell(e.total()) instanceof PublishedYear.Shown;
        if (totalShown && !secondary.isEmpty()) {
          long rest = f.cells().get(e.total());
          for (String part : e.parts()) {
            if (!secondary.contains(part)) {
              rest -= w.get(part);
            }
          }
          for (int i = 0; i < secondary.size(); i++) {
            if (i != last) {
              w.put(secondary.get(i), (long) t);
              rest -= t;
            }
          }
          w.put(secondary.get(last), rest);
        } else if (!totalShown) {
          // the total is hidden too: earlier partners at T, the last one as it is
          for (int i = 0; i < secondary.size(); i++) {
            if (i != last || allAtT) {
              w.put(secondary.get(i), (long) t);
            }
          }
        } else {
          // no partner: spread the difference over the other small cells
          long diff = f.cells().get(e.total()) - e.parts().stream().mapToLong(w::get).sum();
          for (String o : small) {
            long x = Math.clamp(w.get(o) + diff, 0, t - 1L);
            diff -= x - w.get(o);
            w.put(o, x);
          }
        }
        long sum = e.parts().stream().mapToLong(w::get).sum();
        if (e.total().equals(c)) {
          continue; // a small total: its parts are small too, moved with it below
        }
        if (totalShown && sum != f.cells().get(e.total())) {
          continue;
        }
        w.put(e.total(), sum);
        if (w.values().stream().anyMatch(x -> x < 0)) {
          continue;
        }
        Figures twin = Figures.of(f.year(), w, f.equations());
        if (Suppression.suppress(twin, t, true).cells().equals(p.cells())) {
          return true;
        }
      }
    }
    return e.total().equals(c) && smallTotalTwin(f, p, e, t, c, v);
  }

  /** A small total: spread the difference over its parts, which are small too. */
  private static boolean smallTotalTwin(
      Figures f, PublishedYear p, Equation e, int t, String c, long v) {
    for (int first = 0; first < e.parts().size(); first++) {
      Map<String, Long> w = new LinkedHashMap<>(f.cells());
      long diff = v - w.get(c);
      for (int k = 0; k < e.parts().size(); k++) {
        String part = e.parts().get((first + k) % e.parts().size());
        long x = Math.clamp(w.get(part) + diff, 0, t - 1L);
        diff -= x - w.get(part);
        w.put(part, x);
      }
      w.put(c, v);
      if (diff == 0
          && Suppression.suppress(Figures.of(f.year(), w, f.equations()), t, true)
              .cells()
              .equals(p.cells())) {
        return true;
      }
    }
    return false;
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
