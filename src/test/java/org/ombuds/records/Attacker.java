package org.ombuds.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attacker who sees only a published year: shown counts, which cells are hidden and why, and the
 * meaning of each table (written out here from the cell names, independently of the code that
 * suppresses). It narrows an interval per cell through every equation, then probes each value of a
 * hidden cell's interval and drops those that make the equations infeasible. A cell is recovered
 * when one value remains.
 *
 * <p>It knows the algorithm (the code is public): a {@code "<T"} cell is between 0 and T-1 (zeros
 * are hidden as {@code "<T"} too); a {@code "<suppressed"} cell was a shown count, so it is at
 * least T ({@link Suppression} never hides a small count as secondary); a year that is not {@code
 * empty} has at least one case, and an empty one has nothing at all. Partners are chosen in the
 * report's order, whatever their size, so the choice tells nothing more about their values.
 */
final class Attacker {
  static final long BIG = 1_000_000_000L;
  private static final int PROBE_WIDTH = 300;

  private final List<long[]> eqs = new ArrayList<>(); // [total, part, part, ...] as indexes
  private final List<String> names = new ArrayList<>();
  private final Map<String, Integer> index = new HashMap<>();
  private final long[] lo0;
  private final long[] hi0;

  private final boolean empty;

  Attacker(PublishedYear year) {
    this(year, false);
  }

  /**
   * @param labelsOnly true for what the labels alone tell: every shown count is taken as only "at
   *     least T", the baseline that no published number may narrow
   */
  Attacker(PublishedYear year, boolean labelsOnly) {
    empty = year.empty();
    year.cells()
        .keySet()
        .forEach(
            n -> {
              index.put(n, names.size());
              names.add(n);
            });
    lo0 = new long[names.size()];
    hi0 = new long[names.size()];
    int t = year.threshold();
    for (int i = 0; i < names.size(); i++) {
      switch (year.cell(names.get(i))) {
        case PublishedYear.Shown s -> {
          lo0[i] = labelsOnly ? t : s.count();
          hi0[i] = labelsOnly ? BIG : s.count();
        }
        case PublishedYear.Suppressed h when h.why() == PublishedYear.Hidden.PRIMARY -> {
          lo0[i] = lowest(names.get(i));
          hi0[i] = t - 1L;
        }
        case PublishedYear.Suppressed h -> {
          lo0[i] = t;
          hi0[i] = BIG;
        }
      }
      if (empty) {
        // "no case was closed": every count of the year is 0
        lo0[i] = 0;
        hi0[i] = 0;
      }
    }
    Map<String, List<String>> sums = new LinkedHashMap<>();
    for (String n : names) {
      String total = totalOf(n);
      if (total != null) {
        // one equation per table: the three visitor tables each sum to the visitors
        String table = n.substring(0, n.indexOf('.'));
        sums.computeIfAbsent(total + "|" + table, k -> new ArrayList<>()).add(n);
      }
    }
    sums.forEach(
        (key, parts) -> {
          long[] e = new long[parts.size() + 1];
          e[0] = index.get(key.substring(0, key.indexOf('|')));
          for (int i = 0; i < parts.size(); i++) {
            e[i + 1] = index.get(parts.get(i));
          }
          eqs.add(e);
        });
  }

  /** The smallest value a {@code "<T"} cell can have given the year's {@code empty} flag. */
  private long lowest(String cell) {
    return !empty && cell.equals("cases") ? 1 : 0;
  }

  /** What each cell adds up into, read from its name. */
  private static String totalOf(String n) {
    if (n.startsWith("contract.") || n.startsWith("gender.") || n.startsWith("age.")) {
      return "visitors";
    }
    if (n.startsWith("category.")) {
      return "issues";
    }
    if (n.startsWith("outcome.")) {
      return "cases";
    }
    if (n.startsWith("sub.")) {
      String code = n.substring(4);
      int d = 0;
      while (d < code.length() && Character.isDigit(code.charAt(d))) {
        d++;
      }
      String head = code.substring(0, d);
      return "category." + (head.length() == 1 && !head.equals("0") ? head : "other");
    }
    if (n.startsWith("option.")) {
      int colon = n.indexOf(':');
      return colon < 0 ? "options" : n.substring(0, colon);
    }
    return null;
  }

  /** The values each cell can still take: [lo, hi] after probing; null when infeasible. */
  Map<String, long[]> attack() {
    long[] lo = lo0.clone();
    long[] hi = hi0.clone();
    if (!propagate(lo, hi)) {
      throw new IllegalStateException("the published year is inconsistent");
    }
    for (int i = 0; i < names.size(); i++) {
      if (lo0[i] == hi0[i] || hi[i] - lo[i] > PROBE_WIDTH) {
        continue;
      }
      long newLo = Long.MAX_VALUE;
      long newHi = Long.MIN_VALUE;
      for (long v = lo[i]; v <= hi[i]; v++) {
        long[] l = lo.clone();
        long[] h = hi.clone();
        l[i] = v;
        h[i] = v;
        if (propagate(l, h)) {
          newLo = Math.min(newLo, v);
          newHi = Math.max(newHi, v);
        }
      }
      lo[i] = newLo;
      hi[i] = newHi;
    }
    Map<String, long[]> out = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), new long[] {lo[i], hi[i]});
    }
    return out;
  }

  /** Narrows the intervals by every equation; false when some interval becomes empty. */
  private boolean propagate(long[] lo, long[] hi) {
    boolean again = true;
    while (again) {
      again = false;
      for (long[] e : eqs) {
        int t = (int) e[0];
        long pl = 0;
        long ph = 0;
        for (int k = 1; k < e.length; k++) {
          pl += lo[(int) e[k]];
          ph = Math.min(BIG * 100, ph + hi[(int) e[k]]);
        }
        if (pl > lo[t]) {
          lo[t] = pl;
          again = true;
        }
        if (ph < hi[t]) {
          hi[t] = ph;
          again = true;
        }
        for (int k = 1; k < e.length; k++) {
          int p = (int) e[k];
          long l = lo[t] - (ph - hi[p]);
          long h = hi[t] - (pl - lo[p]);
          if (l > lo[p]) {
            lo[p] = l;
            again = true;
          }
          if (h < hi[p]) {
            hi[p] = h;
            again = true;
          }
        }
        for (int k = 0; k < e.length; k++) {
          if (lo[(int) e[k]] > hi[(int) e[k]]) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * The hidden cells the attacker learns more about than the labels alone tell: a {@code "<T"} cell
   * for which some value of [lowest, T-1] that the labels allow can be excluded, or a {@code
   * "<suppressed"} cell pinned to one value (unless the labels alone pin it). Empty when the year
   * is protected. Nothing is protected in an empty year: it says there were no cases, so every cell
   * is 0 and no one is behind it.
   *
   * <p>The labels alone tell a little: the cases of a year that is not empty are at least 1, and a
   * total of at least T (shown or {@code "<suppressed"}) made of two {@code "<T"} parts has at
   * least 1 in each. Truthful labels cannot avoid that, and no count is needed to see it.
   */
  static List<String> narrowed(PublishedYear year) {
    Attacker a = new Attacker(year);
    Map<String, long[]> b = a.attack();
    Map<String, long[]> base = new Attacker(year, true).attack();
    List<String> out = new ArrayList<>();
    if (year.empty()) {
      return out;
    }
    year.cells()
        .forEach(
            (n, c) -> {
              long[] lh = b.get(n);
              if (c instanceof PublishedYear.Suppressed s) {
                boolean primary = s.why() == PublishedYear.Hidden.PRIMARY;
                long[] l = base.get(n);
                if (primary ? lh[0] > l[0] || lh[1] < l[1] : lh[0] == lh[1] && l[0] != l[1]) {
                  out.add(
                      n
                          + " in ["
                          + lh[0]
                          + ", "
                          + lh[1]
                          + "], labels ["
                          + l[0]
                          + ", "
                          + l[1]
                          + "]");
                }
              }
            });
    return out;
  }

  /** The hidden cells an attacker pins to one value. */
  static List<String> recovered(PublishedYear year) {
    Map<String, long[]> b = new Attacker(year).attack();
    List<String> out = new ArrayList<>();
    year.cells()
        .forEach(
            (n, c) -> {
              if (c instanceof PublishedYear.Suppressed) {
                long[] lh = b.get(n);
                if (lh[0] == lh[1]) {
                  out.add(n);
                }
              }
            });
    return out;
  }
}
