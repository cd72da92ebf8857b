package org.ombuds.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded random hand-made tables, named like the report's cells so that the {@link Attacker} reads
 * their equations from the names: one table summing to its total, two tables sharing one total (the
 * visitors), or a hierarchy (sub-categories in categories in the issues). Counts are skewed towards
 * the threshold, where a partner of exactly T gives a small cell away.
 */
final class RandomTables {
  private RandomTables() {}

  static Figures table(Random r, int threshold) {
    Map<String, Long> cells = new LinkedHashMap<>();
    List<Equation> eqs = new ArrayList<>();
    switch (r.nextInt(3)) {
      case 0 -> {
        List<String> parts = parts("outcome.", List.of("A", "B", "C", "D", "E", "F", "G"), r);
        long total = fill(cells, parts, r, threshold);
        cells.put("cases", total);
        eqs.add(new Equation("cases", parts));
      }
      case 1 -> {
        List<String> genders = parts("gender.", List.of("WOMAN", "MAN", "OTHER", "X", "Y"), r);
        long total = fill(cells, genders, r, threshold);
        cells.put("visitors", total);
        eqs.add(new Equation("visitors", genders));
        // a second table over the same visitors: split the same total differently
        List<String> ages = parts("age.", List.of("A", "B", "C", "D", "E"), r);
        split(cells, ages, total, r, threshold);
        eqs.add(new Equation("visitors", ages));
      }
      default -> {
        List<String> tops = new ArrayList<>();
        long issues = 0;
        int n = 2 + r.nextInt(4);
        for (int c = 1; c <= n; c++) {
          List<String> subs = new ArrayList<>();
          subs.add("sub." + c);
          for (int k = 0; k < r.nextInt(4); k++) {
            subs.add("sub." + c + (char) ('a' + k));
          }
          long sum = fill(cells, subs, r, threshold);
          cells.put("category." + c, sum);
          tops.add("category." + c);
          eqs.add(new Equation("category." + c, subs));
          issues += sum;
        }
        cells.put("issues", issues);
        eqs.add(new Equation("issues", tops));
      }
    }
    cells.putIfAbsent("cases", 1 + (long) r.nextInt(3 * threshold));
    return Figures.of(2025, cells, eqs);
  }

  private static List<String> parts(String prefix, List<String> rows, Random r) {
    List<String> out = new ArrayList<>();
    int n = 2 + r.nextInt(rows.size() - 1);
    for (int i = 0; i < n; i++) {
      out.add(prefix + rows.get(i));
    }
    return out;
  }

  private static long count(Random r, int t) {
    return switch (r.nextInt(6)) {
      case 0, 1 -> r.nextInt(t);
      case 2 -> t;
      case 3 -> t + r.nextInt(t);
      case 4 -> 0;
      default -> r.nextInt(6 * t);
    };
  }

  private static long fill(Map<String, Long> cells, List<String> parts, Random r, int t) {
    long sum = 0;
    for (String p : parts) {
      long v = count(r, t);
      cells.put(p, v);
      sum += v;
    }
    return sum;
  }

  private static void split(
      Map<String, Long> cells, List<String> parts, long total, Random r, int t) {
    long left = total;
    for (int i = 0; i < parts.size() - 1; i++) {
      long v = Math.min(left, count(r, t));
      cells.put(parts.get(i), v);
      left -= v;
    }
    cells.put(parts.getLast(), left);
  }
}
