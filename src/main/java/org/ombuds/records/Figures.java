package org.ombuds.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw figures of one year, before any suppression: counts in named cells and the equations that
 * tie them (each table sums to its total, sub-categories to their category). Never leaves this
 * package except through {@link Suppression}, which turns it into a {@link PublishedYear}.
 *
 * <p>Cell names: {@code cases}, {@code visitors}, {@code issues}, {@code options}; {@code
 * contract.X}, {@code gender.X}, {@code age.X} (sum to {@code visitors}); {@code category.N} (sum
 * to {@code issues}); {@code sub.CODE} (sum to {@code category.N} of their code); {@code outcome.X}
 * (sum to {@code cases}); {@code option.KIND} (sum to {@code options}) and {@code
 * option.KIND:DECISION} (sum to {@code option.KIND}).
 */
final class Figures {
  private final int year;
  private final Map<String, Long> cells;
  private final List<Equation> equations;
  private final long contacts;
  private final long minutes;

  private Figures(
      int year, Map<String, Long> cells, List<Equation> equations, long contacts, long minutes) {
    this.year = year;
    this.cells = Collections.unmodifiableMap(cells);
    this.equations = List.copyOf(equations);
    this.contacts = contacts;
    this.minutes = minutes;
  }

  int year() {
    return year;
  }

  /** Every cell with its count, in the order of the report. */
  Map<String, Long> cells() {
    return cells;
  }

  List<Equation> equations() {
    return equations;
  }

  long contacts() {
    return contacts;
  }

  long minutes() {
    return minutes;
  }

  /**
   * Figures from given counts and the equations between them (for testing the suppression on
   * hand-made tables); the counts must satisfy the equations.
   */
  static Figures of(int year, Map<String, Long> cells, List<Equation> equations) {
    return new Figures(year, new LinkedHashMap<>(cells), equations, 0, 0);
  }

  /** Counts what {@code records} of {@code year} hold; records of other years are skipped. */
  static Figures of(int year, Iterable<StatisticalRecord> records, ReportAxes axes) {
    Counter c = new Counter();
    for (StatisticalRecord r : records) {
      if (r.year() == year) {
        c.add(r);
      }
    }
    return c.figures(year, axes);
  }

  /** Tallies records one at a time (also used to count a stream without holding it). */
  static final class Counter {
    private long cases;
    private long contacts;
    private long minutes;
    private final Map<String, long[]> contract = new HashMap<>();
    private final Map<String, long[]> gender = new HashMap<>();
    private final Map<String, long[]> age = new HashMap<>();
    private final Map<String, long[]> codes = new HashMap<>();
    private final Map<String, long[]> outcomes = new HashMap<>();
    private final Map<String, long[]> options = new HashMap<>();

    void add(StatisticalRecord r) {
      cases++;
      contacts += r.contacts();
      minutes += r.minutes();
      for (StatisticalRecord.Visitor v : r.visitors()) {
        bump(contract, given(v.contractType()));
        bump(gender, given(v.gender()));
        bump(age, given(v.ageBand()));
      }
      for (String code : r.categories()) {
        bump(codes, code);
      }
      bump(outcomes, given(r.outcome()));
      for (String o : r.options()) {
        bump(options, o);
      }
    }

    /** This counter with {@code o}'s tallies added (for counting in parallel). */
    static Counter mergeAll(Counter a, Counter b) {
      a.merge(b);
      return a;
    }

    /** Adds another counter's tallies to this one. */
    void merge(Counter o) {
      cases += o.cases;
      contacts += o.contacts;
      minutes += o.minutes;
      mergeInto(contract, o.contract);
      mergeInto(gender, o.gender);
      mergeInto(age, o.age);
      mergeInto(codes, o.codes);
      mergeInto(outcomes, o.outcomes);
      mergeInto(options, o.options);
    }

    private static void mergeInto(Map<String, long[]> to, Map<String, long[]> from) {
      from.forEach((k, v) -> bump(to, k, v[0]));
    }

    private static String given(String s) {
      return s.isEmpty() ? ReportAxes.NOT_GIVEN : s;
    }

    private static void bump(Map<String, long[]> m, String key) {
      bump(m, key, 1);
    }

    private static void bump(Map<String, long[]> m, String key, long n) {
      m.computeIfAbsent(key, k -> new long[1])[0] += n;
    }

    private static long get(Map<String, long[]> m, String key) {
      long[] v = m.get(key);
      return v == null ? 0 : v[0];
    }

    Figures figures(int year, ReportAxes axes) {
      Map<String, Long> cells = new LinkedHashMap<>();
      List<Equation> eqs = new ArrayList<>();
      cells.put("cases", cases);
      long visitors = contract.values().stream().mapToLong(v -> v[0]).sum();
      cells.put("visitors", visitors);
      cells.put("issues", codes.values().stream().mapToLong(v -> v[0]).sum());
      cells.put("options", options.values().stream().mapToLong(v -> v[0]).sum());
      table(cells, eqs, "visitors", "contract.", withNotGiven(axes.contractTypes()), contract);
      table(cells, eqs, "visitors", "gender.", withNotGiven(axes.genders()), gender);
      table(cells, eqs, "visitors", "age.", withNotGiven(axes.ageBands()), age);

      List<String> tops = new ArrayList<>(ReportAxes.TOP_CATEGORIES);
      tops.add(ReportAxes.OTHER);
      Map<String, List<String>> subsOf = new LinkedHashMap<>();
      tops.forEach(t -> subsOf.put(t, new ArrayList<>()));
      List<String> allCodes = new ArrayList<>(axes.categories());
      codes.keySet().stream().filter(k -> !allCodes.contains(k)).sorted().forEach(allCodes::add);
      for (String code : allCodes) {
        subsOf.get(ReportAxes.topOf(code)).add(code);
      }
      List<String> topCells = new ArrayList<>();
      for (String top : tops) {
        List<String> subs = subsOf.get(top);
        if (top.equals(ReportAxes.OTHER) && subs.isEmpty()) {
          continue;
        }
        String topCell = "category." + top;
        long sum = 0;
        List<String> subCells = new ArrayList<>();
        for (String code : subs) {
          long n = get(codes, code);
          sum += n;
          cells.put("sub." + code, n);
          subCells.add("sub." + code);
        }
        cells.put(topCell, sum);
        topCells.add(topCell);
        if (!subCells.isEmpty()) {
          eqs.add(new Equation(topCell, subCells));
        }
      }
      eqs.add(new Equation("issues", topCells));

      table(cells, eqs, "cases", "outcome.", axes.outcomes(), outcomes);

      List<String> kinds = new ArrayList<>(axes.options());
      options.keySet().stream()
          .map(o -> o.contains(":") ? o.substring(0, o.indexOf(':')) : o)
          .filter(k -> !kinds.contains(k))
          .sorted()
          .distinct()
          .forEach(kinds::add);
      List<String> kindCells = new ArrayList<>();
      for (String kind : kinds) {
        List<String> decisions = new ArrayList<>(axes.decisions());
        options.keySet().stream()
            .filter(o -> o.startsWith(kind + ":"))
            .map(o -> o.substring(kind.length() + 1))
            .filter(d -> !decisions.contains(d))
            .sorted()
            .forEach(decisions::add);
        String kindCell = "option." + kind;
        long sum = 0;
        List<String> parts = new ArrayList<>();
        for (String d : decisions) {
          long n = get(options, kind + ":" + d);
          sum += n;
          cells.put(kindCell + ":" + d, n);
          parts.add(kindCell + ":" + d);
        }
        cells.put(kindCell, sum);
        kindCells.add(kindCell);
        eqs.add(new Equation(kindCell, parts));
      }
      eqs.add(new Equation("options", kindCells));
      return new Figures(year, cells, eqs, contacts, minutes);
    }

    private static List<String> withNotGiven(List<String> values) {
      List<String> out = new ArrayList<>(values);
      out.add(ReportAxes.NOT_GIVEN);
      return out;
    }

    private static void table(
        Map<String, Long> cells,
        List<Equation> eqs,
        String total,
        String prefix,
        List<String> rows,
        Map<String, long[]> counts) {
      List<String> all = new ArrayList<>(rows);
      counts.keySet().stream().filter(k -> !all.contains(k)).sorted().forEach(all::add);
      List<String> parts = new ArrayList<>();
      for (String row : all) {
        cells.put(prefix + row, get(counts, row));
        parts.add(prefix + row);
      }
      eqs.add(new Equation(total, parts));
    }
  }
}
