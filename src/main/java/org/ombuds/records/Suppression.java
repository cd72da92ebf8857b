package org.ombuds.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only way from raw figures to something publishable: hides every count below the threshold,
 * zero included (primary suppression; a shown zero would tell an attacker about its neighbours, and
 * "below the threshold" is what the label says) and then, while an attacker who knows this code
 * learns more about a hidden cell than the labels alone tell (see {@link Bounds}), hides one more
 * cell next to it (secondary suppression): the first shown cell, in report order, of an equation
 * the exposed cell takes part in. Only shown counts (at least T) are ever hidden as secondary.
 *
 * <p>Each year is suppressed on its own figures only, so a year's cells are hidden the same way in
 * its own report and as a comparison year in a later one; no equation links two years, and derived
 * figures (shares, ratios, adjusted gender figures) are computed from shown cells only.
 */
public final class Suppression {
  private Suppression() {}

  /**
   * The report for {@code year}, compared with {@code earlier} years, as it may be published.
   *
   * @param figures the raw figures of the year and of the comparison years
   */
  static PublishedReport publish(int year, List<Figures> figures, ReportSettings settings) {
    PublishedYear current = null;
    List<PublishedYear> comparison = new ArrayList<>();
    for (Figures f : figures) {
      PublishedYear p = suppress(f, settings.threshold(), true);
      if (f.year() == year) {
        current = p;
      } else {
        comparison.add(p);
      }
    }
    if (current == null) {
      throw new IllegalArgumentException("the report's own year is missing");
    }
    comparison.sort(Comparator.comparingInt(PublishedYear::year));
    Map<Integer, YearInputs> inputs = new LinkedHashMap<>();
    for (PublishedYear p : comparison) {
      inputs.put(p.year(), settings.year(p.year()));
    }
    inputs.put(year, settings.year(year));
    return new PublishedReport(current, comparison, inputs);
  }

  /**
   * One year's figures with small counts hidden.
   *
   * @param secondary false only for tests that show what an attacker recovers without it
   */
  static PublishedYear suppress(Figures f, int threshold, boolean secondary) {
    Map<String, Long> values = f.cells();
    Map<String, PublishedYear.Hidden> hidden = new LinkedHashMap<>();
    values.forEach(
        (cell, v) -> {
          if (v < threshold) {
            hidden.put(cell, PublishedYear.Hidden.PRIMARY);
          }
        });
    if (secondary) {
      hideUntilSafe(values, hidden, f.equations(), threshold);
    }
    Map<String, PublishedYear.Cell> cells = new LinkedHashMap<>();
    values.forEach(
        (cell, v) -> {
          PublishedYear.Hidden h = hidden.get(cell);
          cells.put(cell, h == null ? new PublishedYear.Shown(v) : new PublishedYear.Suppressed(h));
        });
    boolean casesShown = !hidden.containsKey("cases");
    return new PublishedYear(
        f.year(),
        threshold,
        cells,
        f.equations(),
        casesShown ? Optional.of(f.contacts()) : Optional.empty(),
        casesShown ? Optional.of(f.minutes()) : Optional.empty(),
        values.getOrDefault("cases", 0L) == 0);
  }

  /**
   * How far above T-1 the stricter check lets a primary cell reach before the loop stops adding
   * partners: see {@link Bounds}.
   */
  static final int STOP_SLACK = 1;

  /**
   * Adds secondary cells, one at a time, while the interval attack ({@link Bounds}) narrows a
   * hidden cell: the next partner of the first such cell in report order. Stops once the real
   * attacker and the stricter one (primary cells assumed to reach T-1+{@link #STOP_SLACK}) both
   * learn nothing; the last resort is to hide every shown cell of the year.
   */
  private static void hideUntilSafe(
      Map<String, Long> values,
      Map<String, PublishedYear.Hidden> hidden,
      List<Equation> equations,
      int threshold) {
    if (values.getOrDefault("cases", 0L) == 0) {
      return; // an empty year says so: every count is 0, and no one is behind any of them
    }
    List<Bounds> base =
        List.of(
            Bounds.labelsOnly(values, hidden, equations, threshold, 0),
            Bounds.labelsOnly(values, hidden, equations, threshold, STOP_SLACK));
    while (true) {
      List<String> unsafe = unsafe(values, hidden, equations, threshold, base);
      if (unsafe.isEmpty()) {
        return;
      }
      Optional<String> next = Optional.empty();
      for (String cell : unsafe) {
        next = partner(cell, hidden, equations);
        if (next.isPresent()) {
          break;
        }
      }
      if (next.isEmpty()) {
        // every cell beside the exposed ones is hidden already: hide everything that is shown
        boolean any = false;
        for (String cell : values.keySet()) {
          any |= hidden.putIfAbsent(cell, PublishedYear.Hidden.SECONDARY) == null;
        }
        if (!any) {
          return; // nothing left to hide: the labels and the empty flag alone tell this much
        }
        continue;
      }
      hidden.put(next.get(), PublishedYear.Hidden.SECONDARY);
    }
  }

  /** The hidden cells, in report order, of which an attacker learns more than the label says. */
  private static List<String> unsafe(
      Map<String, Long> values,
      Map<String, PublishedYear.Hidden> hidden,
      List<Equation> equations,
      int threshold,
      List<Bounds> base) {
    Bounds real = Bounds.of(values, hidden, equations, threshold, 0);
    Bounds strict = Bounds.of(values, hidden, equations, threshold, STOP_SLACK);
    List<String> out = new ArrayList<>();
    for (String cell : values.keySet()) {
      PublishedYear.Hidden why = hidden.get(cell);
      if (why != null
          && !(real.protects(cell, why, base.get(0)) && strict.protects(cell, why, base.get(1)))) {
        out.add(cell);
      }
    }
    return out;
  }

  /**
   * The cell to hide next to an exposed one: the first shown part, in report order, of the first
   * equation it takes part in that has one, else the first shown total of such an equation. Every
   * shown cell is at least T, and the order does not depend on the counts, so the choice tells an
   * attacker nothing (choosing the smallest, as before, told that the partner was at most each
   * shown sibling: a partner of exactly T then gave its small cell away).
   */
  private static Optional<String> partner(
      String exposed, Map<String, PublishedYear.Hidden> hidden, List<Equation> equations) {
    Optional<String> total = Optional.empty();
    for (Equation e : equations) {
      boolean in = e.total().equals(exposed) || e.parts().contains(exposed);
      if (!in) {
        continue;
      }
      for (String p : e.parts()) {
        if (!hidden.containsKey(p)) {
          return Optional.of(p);
        }
      }
      if (total.isEmpty() && !hidden.containsKey(e.total())) {
        total = Optional.of(e.total());
      }
    }
    return total;
  }
}
