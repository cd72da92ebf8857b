package org.ombuds.records;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic statistical records and the axes a report lists, for tests and benchmarks. */
public final class Synthetic {
  private Synthetic() {}

  public static final ReportAxes AXES =
      new ReportAxes(
          List.of("STAFF", "FELLOW", "STUDENT", "USER", "CONTRACTOR", "OTHER"),
          List.of("WOMAN", "MAN", "OTHER", "UNDISCLOSED"),
          List.of("UNDER_25", "FROM_25_TO_34", "FROM_35_TO_44", "FROM_45_TO_54", "FROM_55"),
          List.of(
              "1", "1a", "1b", "2", "2a", "2b", "2c", "3", "3a", "4", "4a", "4b", "5", "6", "7",
              "7a", "8", "9", "9a"),
          List.of(
              "RESOLVED",
              "PARTLY_RESOLVED",
              "NOT_RESOLVED",
              "REFERRED",
              "INFORMATION_ONLY",
              "WITHDRAWN",
              "OTHER"),
          List.of(
              "SPEAK_TO_OTHER_PARTY",
              "DISCUSS_WITH_PERMISSION",
              "RAISE_ANONYMOUSLY",
              "FORMAL_REFERRAL",
              "NO_ACTION"),
          List.of("PROPOSED", "ACCEPTED", "REFUSED"));

  /** {@code n} records spread over {@code years}, skewed so that small cells are common. */
  public static List<StatisticalRecord> records(long seed, int n, List<Integer> years) {
    Random r = new Random(seed);
    List<StatisticalRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(record(r, years.get(r.nextInt(years.size()))));
    }
    return out;
  }

  static StatisticalRecord record(Random r, int year) {
    List<String> cats = new ArrayList<>();
    int nc = 1 + r.nextInt(3);
    for (int c = 0; c < nc; c++) {
      cats.add(skewed(r, AXES.categories()));
    }
    if (r.nextInt(40) == 0) {
      cats.add("X1");
    }
    List<StatisticalRecord.Visitor> visitors = new ArrayList<>();
    int nv = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(r.nextInt(8) == 0 ? 3 : 1);
    for (int v = 0; v < nv; v++) {
      visitors.add(
          new StatisticalRecord.Visitor(
              maybe(r, AXES.contractTypes()), maybe(r, AXES.genders()), maybe(r, AXES.ageBands())));
    }
    List<String> options = new ArrayList<>();
    int no = r.nextInt(3);
    for (int o = 0; o < no; o++) {
      options.add(skewed(r, AXES.options()) + ":" + skewed(r, AXES.decisions()));
    }
    return new StatisticalRecord(
        year, cats, visitors, r.nextInt(6), r.nextInt(240), options, skewed(r, AXES.outcomes()));
  }

  private static String maybe(Random r, List<String> values) {
    return r.nextInt(12) == 0 ? "" : skewed(r, values);
  }

  /** Earlier values far more often than later ones. */
  private static String skewed(Random r, List<String> values) {
    int i = (int) Math.min(values.size() - 1, Math.floor(-Math.log(1 - r.nextDouble()) * 2));
    return values.get(i);
  }
}
