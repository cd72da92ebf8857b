package org.ombuds.records;

import java.util.ArrayList;
import java.util.List;

/** Published reports from seeded records, for the renderers' tests in other packages. */
public final class TestReports {
  private TestReports() {}

  /** The report of {@code year} with its two earlier years, from {@code records}. */
  public static PublishedReport published(
      int year, List<StatisticalRecord> records, ReportSettings settings) {
    List<Figures> figures = new ArrayList<>();
    figures.add(Figures.of(year, records, Synthetic.AXES));
    for (int y = year - 1; y >= year - ReportService.COMPARISON_YEARS; y--) {
      int yy = y;
      if (records.stream().anyMatch(r -> r.year() == yy)) {
        figures.add(Figures.of(y, records, Synthetic.AXES));
      }
    }
    return Suppression.publish(year, figures, settings);
  }

  /** The raw count of {@code cell} in {@code year} (for checking what must never be printed). */
  public static long raw(int year, List<StatisticalRecord> records, String cell) {
    return Figures.of(year, records, Synthetic.AXES).cells().get(cell);
  }
}
