package org.ombuds.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an attacker who knows the suppression algorithm can deduce about each cell of a year from
 * what is published: an interval per cell, narrowed by propagating every published equation until
 * nothing changes, then probed value by value.
 *
 * <p>Priors: a shown cell is its value; a primary suppressed cell ({@code "<T"}) is between its
 * lowest possible value and T-1 (zeros are hidden too, so the lowest is 0, except for the cases of
 * a year that is not empty: the report says there were some, so 1); a secondary suppressed cell is
 * at least T, because {@link Suppression} only ever hides a shown count as secondary. The choice of
 * partners depends on the report's order only, never on their size, so it tells nothing more.
 *
 * <p>A cell is protected when the published counts tell the attacker nothing beyond what the labels
 * alone tell ({@link #labelsOnly}): a primary cell can still take every value from its lowest to
 * T-1 that the labels allow, a secondary cell at least two values. With {@code slack} > 0 a primary
 * cell is assumed (and required) to go up to T-1+slack: {@link Suppression} stops adding partners
 * only once that stricter check holds too, so that the fact that it added one more partner (the
 * previous choice was not enough) does not tell that a small cell was below T-1.
 */
final class Bounds {
  static final long INF = Long.MAX_VALUE / 4;
  static final int PROBE_WIDTH = 2000;

  private final Map<String, long[]> bounds = new HashMap<>();
  private final List<Equation> equations;
  private final long top;

  private Bounds(List<Equation> equations, long top) {
    this.equations = equations;
    this.top = top;
  }

  /**
   * Bounds for every cell, given its status ({@code null}: shown) and the equations.
   *
   * @param slack how far above T-1 a primary cell is assumed to reach (0: the real attacker)
   * @throws IllegalStateException when the figures do not satisfy their own equations
   */
  static Bounds of(
      Map<String, Long> values,
      Map<String, PublishedYear.Hidden> hidden,
      List<Equation> equations,
      int threshold,
      int slack) {
    Bounds b = new Bounds(equations, threshold - 1L + slack);
    boolean empty = values.getOrDefault("cases", 0L) == 0;
    values.forEach(
        (cell, v) -> {
          PublishedYear.Hidden h = hidden.get(cell);
          long low = !empty && cell.equals("cases") ? 1 : 0;
          long[] lu;
          if (h == null) {
            lu = new long[] {v, v};
          } else if (h == PublishedYear.Hidden.PRIMARY) {
            lu = new long[] {low, b.top};
          } else {
            lu = new long[] {threshold, INF};
          }
          b.bounds.put(cell, lu);
        });
    if (!b.propagate()) {
      throw new IllegalStateException("the figures do not satisfy their own equations");
    }
    return b;
  }

  /**
   * What the labels alone tell: bounds as if every shown count were only known to be at least T
   * (like a secondary cell). A truthful {@code "<T"} label tells this much whatever else is
   * published: a category of at least T made of two {@code "<T"} sub-categories has at least one in
   * each. Depends only on which cells are below the threshold.
   */
  static Bounds labelsOnly(
      Map<String, Long> values,
      Map<String, PublishedYear.Hidden> hidden,
      List<Equation> equations,
      int threshold,
      int slack) {
    Map<String, PublishedYear.Hidden> all = new HashMap<>();
    values.forEach(
        (cell, v) ->
            all.put(
                cell,
                hidden.get(cell) == PublishedYear.Hidden.PRIMARY
                    ? PublishedYear.Hidden.PRIMARY
                    : PublishedYear.Hidden.SECONDARY));
    return of(values, all, equations, threshold, slack);
  }

  /**
   * True when the attacker can exclude no value of the cell that the labels alone allow ({@code
   * base}, from {@link #labelsOnly}): for a primary cell every value of [lowest, T-1] (+slack) that
   * is possible at all; for a secondary cell, two values at least (unless the labels alone pin it:
   * with the threshold 2, a category made of two {@code "<2"} sub-categories is 2).
   */
  boolean protects(String cell, PublishedYear.Hidden why, Bounds base) {
    long[] b = bounds.get(cell);
    if (why == PublishedYear.Hidden.PRIMARY) {
      for (long v = base.lower(cell); v <= base.upper(cell); v++) {
        if (base.feasible(cell, v) && !(v >= b[0] && v <= b[1] && feasible(cell, v))) {
          return false;
        }
      }
      return true;
    }
    return base.pinned(cell) || !pinned(cell);
  }

  /** True when only one value of the cell fits every equation. */
  private boolean pinned(String cell) {
    long[] b = bounds.get(cell);
    if (b[1] - b[0] > PROBE_WIDTH) {
      return false; // some values at either end may be excluded, but not all but one
    }
    int found = 0;
    for (long v = b[0]; v <= b[1] && found < 2; v++) {
      if (feasible(cell, v)) {
        found++;
      }
    }
    return found < 2;
  }

  /** True when the cell can be {@code v} with every equation still holding. */
  private boolean feasible(String cell, long v) {
    Bounds trial = new Bounds(equations, top);
    bounds.forEach((k, lu) -> trial.bounds.put(k, lu.clone()));
    trial.bounds.get(cell)[0] = v;
    trial.bounds.get(cell)[1] = v;
    return trial.propagate();
  }

  /** Narrows every interval through the equations; false when one becomes empty. */
  private boolean propagate() {
    boolean changed = true;
    for (int pass = 0; changed && pass < 10_000; pass++) {
      changed = false;
      for (Equation e : equations) {
        long[] total = bounds.get(e.total());
        long sumLo = 0;
        long sumHi = 0;
        for (String p : e.parts()) {
          long[] b = bounds.get(p);
          sumLo = add(sumLo, b[0]);
          sumHi = add(sumHi, b[1]);
        }
        changed |= narrow(total, sumLo, sumHi);
        for (String p : e.parts()) {
          long[] b = bounds.get(p);
          long othersLo = sumLo - b[0];
          long othersHi = sumHi >= INF ? INF : sumHi - b[1];
          long lo = othersHi >= INF ? Long.MIN_VALUE : total[0] - othersHi;
          long hi = total[1] >= INF ? INF : total[1] - othersLo;
          changed |= narrow(b, lo, hi);
          if (b[0] > b[1]) {
            return false;
          }
        }
        if (total[0] > total[1]) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean narrow(long[] b, long lo, long hi) {
    boolean changed = false;
    if (lo > b[0]) {
      b[0] = lo;
      changed = true;
    }
    if (hi < b[1]) {
      b[1] = hi;
      changed = true;
    }
    return changed;
  }

  private static long add(long a, long b) {
    return a >= INF || b >= INF ? INF : a + b;
  }

  long lower(String cell) {
    return bounds.get(cell)[0];
  }

  long upper(String cell) {
    return bounds.get(cell)[1];
  }
}
