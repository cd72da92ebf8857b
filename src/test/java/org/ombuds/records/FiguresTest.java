package org.ombuds.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The raw figures against counts made independently with plain loops over the seeded records. */
class FiguresTest {
  private static final int YEAR = 2025;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1234})
  void figures_matchCountsMadeByHand(long seed) {
    List<StatisticalRecord> records = Synthetic.records(seed, 300, List.of(2024, YEAR));
    Map<String, Long> cells = Figures.of(YEAR, records, Synthetic.AXES).cells();

    Map<String, Long> expected = new HashMap<>();
    long cases = 0;
    long visitors = 0;
    long issues = 0;
    long options = 0;
    for (StatisticalRecord r : records) {
      if (r.year() != YEAR) {
        continue;
      }
      cases++;
      expected.merge("outcome." + r.outcome(), 1L, Long::sum);
      for (StatisticalRecord.Visitor v : r.visitors()) {
        visitors++;
        expected.merge(
            "contract." + (v.contractType().isEmpty() ? "NOT_GIVEN" : v.contractType()),
            1L,
            Long::sum);
        expected.merge(
            "gender." + (v.gender().isEmpty() ? "NOT_GIVEN" : v.gender()), 1L, Long::sum);
        expected.merge("age." + (v.ageBand().isEmpty() ? "NOT_GIVEN" : v.ageBand()), 1L, Long::sum);
      }
      for (String code : r.categories()) {
        issues++;
        expected.merge("sub." + code, 1L, Long::sum);
        char first = code.charAt(0);
        boolean ioa =
            first >= '1'
                && first <= '9'
                && (code.length() == 1 || !Character.isDigit(code.charAt(1)));
        expected.merge("category." + (ioa ? String.valueOf(first) : "other"), 1L, Long::sum);
      }
      for (String o : r.options()) {
        options++;
        expected.merge("option." + o, 1L, Long::sum);
        expected.merge("option." + o.split(":")[0], 1L, Long::sum);
      }
    }
    expected.put("cases", cases);
    expected.put("visitors", visitors);
    expected.put("issues", issues);
    expected.put("options", options);

    expected.forEach((cell, n) -> assertThat(cells.get(cell)).as(cell).isEqualTo(n));
    // every other cell the report lists is a zero row
    cells.forEach(
        (cell, n) -> {
          if (!expected.containsKey(cell)) {
            assertThat(n).as(cell).isZero();
          }
        });
  }

  @ParameterizedTest
  @ValueSource(longs = {5, 6, 7})
  void everyEquation_holdsOnTheRawFigures(long seed) {
    Figures f = Figures.of(YEAR, Synthetic.records(seed, 200, List.of(YEAR)), Synthetic.AXES);
    for (Equation e : f.equations()) {
      long sum = e.parts().stream().mapToLong(p -> f.cells().get(p)).sum();
      assertThat(sum).as(e.toString()).isEqualTo(f.cells().get(e.total()));
    }
  }
}
