package org.ombuds.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.PublishedYear;
import org.ombuds.records.YearInputs;

/**
 * The report as the page shows it: sections of rows, one column per year, every value already
 * written as text (hidden cells as "< 5" or "(s)"), and the chart that goes beside a section.
 */
public record ReportView(
    int year,
    int threshold,
    boolean empty,
    List<Integer> years,
    YearInputs inputs,
    List<Section> sections) {

  /** A table of the report; {@code chart} names the chart drawn from it, if any. */
  public record Section(String titleKey, Optional<String> chart, List<Row> rows) {}

  /** One row: its label and a value per year. */
  public record Row(String label, List<String> values) {}

  /** The view of {@code report}, with labels from {@code text}. */
  public static ReportView of(PublishedReport report, Function<String, String> text) {
    List<PublishedYear> ys = report.trend();
    List<Map<String, Object>> data = ys.stream().map(y -> ReportData.year(report, y)).toList();
    List<Section> sections = new ArrayList<>();
    List<Row> key = new ArrayList<>();
    for (String k :
        List.of(
            "visitors",
            "personnel",
            "shareOfPersonnel",
            "cases",
            "issues",
            "issuesPerVisitor",
            "contacts",
            "contactsPerCase",
            "minutes",
            "minutesPerCase")) {
      key.add(
          new Row(
              text.apply("report." + k), data.stream().map(m -> Cells.text(m.get(k))).toList()));
    }
    sections.add(new Section("report.keyFigures", Optional.of("trend"), key));
    for (String t : ReportData.TABLES.keySet()) {
      List<Row> rows = new ArrayList<>();
      Map<?, ?> last = (Map<?, ?>) data.getLast().get(t);
      for (Object r : last.keySet()) {
        rows.add(
            new Row(
                text.apply("report.table." + t + "." + r),
                data.stream().map(m -> Cells.text(((Map<?, ?>) m.get(t)).get(r))).toList()));
      }
      if (t.equals("byGender")) {
        Map<?, ?> adjusted = (Map<?, ?>) data.getLast().get("genderAdjusted");
        for (Object g : adjusted.keySet()) {
          rows.add(
              new Row(
                  text.apply("report.genderAdjusted")
                      + ": "
                      + text.apply("report.table.byGender." + g),
                  data.stream()
                      .map(m -> Cells.text(((Map<?, ?>) m.get("genderAdjusted")).get(g)))
                      .toList()));
        }
      }
      Optional<String> chart =
          switch (t) {
            case "byCategory" -> Optional.of("categories");
            case "byOutcome" -> Optional.of("outcomes");
            default -> Optional.empty();
          };
      sections.add(new Section("report.table." + t, chart, rows));
    }
    return new ReportView(
        report.year(),
        report.threshold(),
        report.empty(),
        ys.stream().map(PublishedYear::year).toList(),
        report.inputs(report.year()),
        sections);
  }
}
