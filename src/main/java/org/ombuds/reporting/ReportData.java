package org.ombuds.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.PublishedYear;
import org.ombuds.records.YearInputs;

/**
 * The published report as plain values: numbers where shown, and for hidden cells a string that
 * starts with {@code <}: {@code "<5"} below the threshold, {@code "<suppressed"} hidden to protect
 * another cell. The same values feed the JSON, the CSV, the page and the PDF.
 */
public final class ReportData {
  /** What a cell hidden to protect another reads as (its size is not told). */
  public static final String SECONDARY = "<suppressed";

  private ReportData() {}

  /** The tables of the report, by JSON name, with the cell name prefix each comes from. */
  public static final Map<String, String> TABLES = tables();

  private static Map<String, String> tables() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("byCategory", "category.");
    t.put("bySubCategory", "sub.");
    t.put("byContractType", "contract.");
    t.put("byGender", "gender.");
    t.put("byAgeBand", "age.");
    t.put("byOutcome", "outcome.");
    t.put("byOption", "option.");
    return t;
  }

  /** A cell's published value: its count, or the label of a hidden cell. */
  static Object value(PublishedYear.Cell cell, int threshold) {
    return switch (cell) {
      case PublishedYear.Shown s -> s.count();
      case PublishedYear.Suppressed h ->
          h.why() == PublishedYear.Hidden.PRIMARY ? "<" + threshold : SECONDARY;
    };
  }

  /** The whole report as JSON-ready values. */
  public static Map<String, Object> json(PublishedReport report) {
    Map<String, Object> out = year(report, report.current());
    out.put("empty", report.empty());
    YearInputs in = report.inputs(report.year());
    out.put("assessment", in.assessment());
    out.put("observations", in.observations());
    out.put("recommendations", in.recommendations());
    List<Map<String, Object>> comparison = new ArrayList<>();
    for (PublishedYear y : report.comparison()) {
      Map<String, Object> m = year(report, y);
      m.put("empty", y.empty());
      comparison.add(m);
    }
    out.put("comparison", comparison);
    return out;
  }

  /** One year's figures (no texts). */
  static Map<String, Object> year(PublishedReport report, PublishedYear y) {
    Map<String, Object> out = new LinkedHashMap<>();
    int t = y.threshold();
    out.put("year", y.year());
    out.put("threshold", t);
    for (String total : List.of("visitors", "issues", "cases", "options")) {
      out.put(total, value(y.cell(total), t));
    }
    TABLES.forEach((name, prefix) -> out.put(name, table(y, prefix)));
    Map<String, Object> decisions = new LinkedHashMap<>();
    y.table("option.")
        .keySet()
        .forEach(kind -> decisions.put(kind, table(y, "option." + kind + ":")));
    out.put("byOptionDecision", decisions);
    out.put("contacts", y.contacts().<Object>map(n -> n).orElse(SECONDARY));
    out.put("minutes", y.minutes().<Object>map(n -> n).orElse(SECONDARY));
    out.put("contactsPerCase", derived(y.contactsPerCase()));
    out.put("minutesPerCase", derived(y.minutesPerCase()));
    out.put("issuesPerVisitor", derived(y.issuesPerVisitor()));
    YearInputs in = report.inputs(y.year());
    out.put("personnel", in.personnel() > 0 ? in.personnel() : null);
    out.put(
        "shareOfPersonnel",
        in.personnel() > 0 ? derived(y.shareOfPersonnel(in.personnel()).map(s -> s * 100)) : null);
    out.put("personnelGenderShares", in.genderShares());
    Map<String, Object> adjusted = new LinkedHashMap<>();
    in.genderShares().forEach((g, share) -> adjusted.put(g, derived(y.genderAdjusted(g, share))));
    out.put("genderAdjusted", adjusted);
    return out;
  }

  /** A table's rows, by row name. */
  static Map<String, Object> table(PublishedYear y, String prefix) {
    Map<String, Object> out = new LinkedHashMap<>();
    y.table(prefix).forEach((row, cell) -> out.put(row, value(cell, y.threshold())));
    return out;
  }

  /** A derived figure rounded to two decimals, or the hidden label when an input is hidden. */
  static Object derived(Optional<Double> v) {
    return v.<Object>map(d -> BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP))
        .orElse(SECONDARY);
  }
}
