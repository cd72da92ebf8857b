package org.ombuds.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an attacker can deduce about each cell of a year from what is published: an interval per
 * cell, narrowed by propagating every published equation until nothing changes. A cell is worked
 * out when its interval shrinks to one value.
 *
 * <p>Priors: a shown cell is its value; a primary suppressed cell ({@code "<T"}) is between 0 and
 * T-1 (zeros are hidden too); a secondary suppressed cell can be any count: it is usually a count
 * at or above the threshold hidden to protect a neighbour, but {@link Suppression} also marks small
 * counts so when their {@code "<T"} label alone would give them away. Each hidden cell's interval
 * is then probed value by value against all equations.
 */
final class Bounds {
  static final long INF = Long.MAX_VALUE / 4;
  static final int PROBE_WIDTH = 2000;

  private final Map<String, long[]> bounds = new HashMap<>();

  private Bounds() {}

  /** Bounds for every cell, given its status ({@code null}: shown) and the equations. */
  static Bounds of(
      Map<String, Long> values,
      Map<String, PublishedYear.Hidden> hidden,
      List<Equation> equations,
      int threshold) {
    Bounds b = new Bounds();
    values.forEach(
        (cell, v) -> {
          PublishedYear.Hidden h = hidden.get(cell);
          long[] lu;
          if (h == null) {
            lu = new long[] {v, v};
          } else if (h == PublishedYear.Hidden.PRIMARY) {
            lu = new long[] {0, threshold - 1L};
          } else {
            lu = new long[] {0, INF};
          }
          b.bounds.put(cell, lu);
        });
    if (!b.propagate(equations)) {
      throw new IllegalStateException("the figures do not satisfy their own equations");
    }
    b.probe(values, hidden, equations);
    return b;
  }

  /**
   * For each hidden cell, tries every value of its interval (up to {@link #PROBE_WIDTH} values) and
   * keeps only those for which the other equations can still all hold: catches cells that plain
   * propagation leaves wide but that only one value fits.
   */
  private void probe(
      Map<String, Long> values, Map<String, PublishedYear.Hidden> hidden, List<Equation> eqs) {
    for (String cell : hidden.keySet()) {
      long[] b = bounds.get(cell);
      if (b[1] - b[0] > PROBE_WIDTH) {
        continue;
      }
      long lo = Long.MAX_VALUE;
      long hi = Long.MIN_VALUE;
      for (long v = b[0]; v <= b[1]; v++) {
        Bounds trial = copy();
        trial.bounds.get(cell)[0] = v;
        trial.bounds.get(cell)[1] = v;
        if (trial.propagate(eqs)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
      b[0] = lo;
      b[1] = hi;
    }
    if (values.isEmpty()) {
      throw new IllegalStateException("nothing to bound");
    }
  }

  private Bounds copy() {
    Bounds c = new Bounds();
    bounds.forEach((k, v) -> c.bounds.put(k, v.clone()));
    return c;
  }

  /** Narrows every interval through the equations; false when one becomes empty. */
  private boolean propagate(List<Equation> equations) {
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

  /** True when the hidden cell's value can be worked out. */
  boolean exposed(String cell) {
    long[] b = bounds.get(cell);
    return b[0] == b[1];
  }
}
