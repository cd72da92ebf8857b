package org.ombuds.records;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The only way from raw figures to something publishable: hides every count below the threshold,
 * zero included (primary suppression; a shown zero would tell an attacker that a hidden neighbour
 * is at least 1, and "below the threshold" is what the label says) and then, while any hidden cell
 * can still be worked out from the published equations (see {@link Bounds}), hides one more cell
 * next to it (secondary suppression): the smallest shown non-zero count in an equation the exposed
 * cell takes part in.
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
        values.get("cases") == 0);
  }

  private static void hideUntilSafe(
      Map<String, Long> values,
      Map<String, PublishedYear.Hidden> hidden,
      List<Equation> equations,
      int threshold) {
    for (int round = 0; round <= 2 * values.size(); round++) {
      Bounds b = Bounds.of(values, hidden, equations, threshold);
      List<String> exposed =
          hidden.entrySet().stream()
              .filter(e -> b.exposed(e.getKey()))
              .map(Map.Entry::getKey)
              .toList();
      if (exposed.isEmpty()) {
        return;
      }
      Optional<String> next = Optional.empty();
      for (String cell : exposed) {
        next = partner(cell, values, hidden, equations);
        if (next.isPresent()) {
          break;
        }
      }
      if (next.isEmpty()) {
        // The "<T" labels themselves pin the cell (e.g. a hidden total of two small parts): mark
        // the small cells beside it as hidden without saying they are small.
        boolean relabelled = false;
        for (String cell : exposed) {
          for (Equation e : equations) {
            if (e.total().equals(cell) || e.parts().contains(cell)) {
              List<String> members = new ArrayList<>(e.parts());
              members.add(e.total());
              for (String m : members) {
                if (hidden.get(m) == PublishedYear.Hidden.PRIMARY) {
                  hidden.put(m, PublishedYear.Hidden.SECONDARY);
                  relabelled = true;
                }
              }
            }
          }
        }
        if (relabelled) {
          continue;
        }
        // Nothing left to hide beside an exposed cell: hide every non-zero count of the year.
        values.forEach(
            (cell, v) -> {
              if (v > 0) {
                hidden.putIfAbsent(cell, PublishedYear.Hidden.SECONDARY);
              }
            });
        return;
      }
      hidden.put(next.get(), PublishedYear.Hidden.SECONDARY);
    }
  }

  /**
   * The cell to hide next to an exposed one: the smallest shown non-zero part of an equation it
   * takes part in, else the shown total of such an equation.
   */
  private static Optional<String> partner(
      String exposed,
      Map<String, Long> values,
      Map<String, PublishedYear.Hidden> hidden,
      List<Equation> equations) {
    Optional<String> bestPart = Optional.empty();
    Optional<String> total = Optional.empty();
    for (Equation e : equations) {
      boolean in = e.total().equals(exposed) || e.parts().contains(exposed);
      if (!in) {
        continue;
      }
      for (String p : e.parts()) {
        if (!hidden.containsKey(p)
            && values.get(p) > 0
            && (bestPart.isEmpty() || values.get(p) < values.get(bestPart.get()))) {
          bestPart = Optional.of(p);
        }
      }
      if (total.isEmpty() && !hidden.containsKey(e.total()) && values.get(e.total()) > 0) {
        total = Optional.of(e.total());
      }
    }
    return bestPart.isPresent() ? bestPart : total;
  }
}
