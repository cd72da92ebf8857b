package org.ombuds.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.PublishedYear;
import org.ombuds.records.ReportSettings;
import org.ombuds.records.StatisticalRecord;
import org.ombuds.records.Synthetic;
import org.ombuds.records.TestReports;
import org.ombuds.records.YearInputs;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** The PDF and CSV say exactly what the JSON says, and no hidden count appears anywhere. */
class ReportRenderingTest {
  private static final int YEAR = 2025;
  private static final String ASSESSMENT =
      "The office met 40 visitors this year.\n\nWe recommend a second Ombuds.";

  private static ReportSettings settings() {
    return ReportSettings.DEFAULTS.withYear(
        YEAR, new YearInputs(900, Map.of("WOMAN", 50, "MAN", 48), ASSESSMENT, "", "Hire."));
  }

  private static String text(String key) {
    return key;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void csv_holdsExactlyThePublishedValuesOfTheJson(long seed) {
    List<StatisticalRecord> records = Synthetic.records(seed, 120, List.of(2023, 2024, YEAR));
    PublishedReport report = TestReports.published(YEAR, records, settings());
    Map<String, String> csv = new LinkedHashMap<>();
    String[] lines = ReportCsv.render(report).split("\r\n");
    assertThat(lines[0]).isEqualTo("year,table,row,value");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      assertThat(f).hasSize(4);
      csv.put(f[0] + "|" + f[1] + "|" + f[2], f[3]);
    }
    for (PublishedYear y : report.trend()) {
      assertThat(csv.get(y.year() + "|visitors|")).isEqualTo(String.valueOf(value(y, "visitors")));
      y.table("category.")
          .forEach(
              (row, cell) ->
                  assertThat(csv.get(y.year() + "|byCategory|" + row))
                      .isEqualTo(String.valueOf(ReportData.value(cell, y.threshold()))));
      y.table("contract.")
          .forEach(
              (row, cell) ->
                  assertThat(csv.get(y.year() + "|byContractType|" + row))
                      .isEqualTo(String.valueOf(ReportData.value(cell, y.threshold()))));
    }
    assertThat(String.join("\n", lines)).doesNotContain("recommend");
  }

  private static Object value(PublishedYear y, String cell) {
    return ReportData.value(y.cell(cell), y.threshold());
  }

  @Test
  void json_showsHiddenCellsAsStringsStartingWithLessThan_andAllNineCategories() {
    List<StatisticalRecord> records = Synthetic.records(7, 30, List.of(YEAR));
    Map<String, Object> json = ReportData.json(TestReports.published(YEAR, records, settings()));
    assertThat(json).containsKeys("year", "visitors", "issues", "byCategory");
    @SuppressWarnings("unchecked")
    Map<String, Object> cats = (Map<String, Object>) json.get("byCategory");
    assertThat(cats).containsKeys("1", "2", "3", "4", "5", "6", "7", "8", "9");
    boolean anyHidden = false;
    for (Object v : cats.values()) {
      assertThat(v).isInstanceOfAny(Long.class, String.class);
      if (v instanceof String s) {
        assertThat(s).startsWith("<");
        anyHidden = true;
      }
    }
    assertThat(anyHidden).as("a small office has small categories").isTrue();
    assertThat(json.get("assessment")).isEqualTo(ASSESSMENT);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12})
  void pdf_readsBackWithTheJsonFigures_theAssessmentAsWritten_andNoHiddenCount(long seed)
      throws IOException {
    List<StatisticalRecord> records = Synthetic.records(seed, 150, List.of(2024, YEAR));
    PublishedReport report = TestReports.published(YEAR, records, settings());
    byte[] pdf =
        ReportPdf.render(
            report, "Office of the Ombuds\nExample University", ReportRenderingTest::text);
    String all = pdfText(pdf);
    // the extracted text does not always keep the space between table cells
    String squeezed = squeeze(all);

    assertThat(all).contains("Example University").contains("report.title " + YEAR);
    assertThat(all).contains("The office met 40 visitors this year.");
    assertThat(all).contains("We recommend a second Ombuds.");
    // every row of the key figures and category tables, with each year's printed value, in order
    PublishedYear y = report.current();
    for (Map.Entry<String, PublishedYear.Cell> e : y.table("category.").entrySet()) {
      List<String> values = new ArrayList<>();
      for (PublishedYear t : report.trend()) {
        values.add(Cells.text(ReportData.value(t.cell("category." + e.getKey()), t.threshold())));
      }
      assertThat(squeezed)
          .contains(squeeze("report.table.byCategory." + e.getKey() + String.join("", values)));
    }
    List<String> visitors = new ArrayList<>();
    report.trend().forEach(t -> visitors.add(Cells.text(value(t, "visitors"))));
    assertThat(squeezed).contains(squeeze("report.visitors" + String.join("", visitors)));
  }

  @Test
  void noHiddenCount_appearsInTheCsvOrPdfRows() throws IOException {
    List<StatisticalRecord> records = Synthetic.records(5, 60, List.of(YEAR));
    PublishedReport report = TestReports.published(YEAR, records, ReportSettings.DEFAULTS);
    String csv = ReportCsv.render(report);
    String pdf = pdfText(ReportPdf.render(report, "", ReportRenderingTest::text));
    int checked = 0;
    for (Map.Entry<String, PublishedYear.Cell> e : report.current().cells().entrySet()) {
      if (e.getValue() instanceof PublishedYear.Suppressed) {
        long raw = TestReports.raw(YEAR, records, e.getKey());
        String[] parts = e.getKey().split("\\.", 2);
        String table = tableOf(parts[0]);
        if (table == null || parts[1].contains(":")) {
          continue;
        }
        assertThat(csv).doesNotContain(YEAR + "," + table + "," + parts[1] + "," + raw + "\r\n");
        assertThat(squeeze(pdf))
            .doesNotContain(squeeze("report.table." + table + "." + parts[1] + raw + "report."));
        checked++;
      }
    }
    assertThat(checked).isPositive();
  }

  private static String tableOf(String prefix) {
    for (Map.Entry<String, String> t : ReportData.TABLES.entrySet()) {
      if (t.getValue().equals(prefix + ".")) {
        return t.getKey();
      }
    }
    return null;
  }

  @Test
  void charts_arePngImages() throws IOException {
    PublishedReport report =
        TestReports.published(YEAR, Synthetic.records(3, 80, List.of(2024, YEAR)), settings());
    for (String name : ReportCharts.NAMES) {
      byte[] png = ReportCharts.png(report, name, ReportRenderingTest::text);
      assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(640);
    }
  }

  @Test
  void charts_drawNoBarForAHiddenCell_andMarkItsLabelAsTheTableDoes() throws IOException {
    PublishedReport report =
        TestReports.published(YEAR, Synthetic.records(7, 30, List.of(2024, YEAR)), settings());
    for (String name : List.of("categories", "outcomes")) {
      org.knowm.xchart.CategorySeries series =
          ReportCharts.chart(report, name, ReportRenderingTest::text)
              .getSeriesCollection()
              .iterator()
              .next();
      List<?> labels = new ArrayList<>(series.getXData());
      double[] values = series.getYData();
      int hidden = 0;
      for (int i = 0; i < labels.size(); i++) {
        String label = labels.get(i).toString();
        if (label.endsWith("(< 5)") || label.endsWith(" (s)")) {
          assertThat(values[i]).as(label + " is drawn").isNaN();
          hidden++;
        } else {
          assertThat(values[i]).as(label).isGreaterThanOrEqualTo(5);
        }
      }
      assertThat(hidden).as(name + ": a small office has hidden cells").isPositive();
    }
    // a year with nothing shown still gives a chart, with no bar at all
    PublishedReport empty = TestReports.published(YEAR, List.of(), settings());
    for (String name : ReportCharts.NAMES) {
      byte[] png = ReportCharts.png(empty, name, ReportRenderingTest::text);
      assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(640);
    }
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", "");
  }

  static String pdfText(byte[] pdf) throws IOException {
    StringBuilder sb = new StringBuilder();
    try (PdfReader reader = new PdfReader(pdf)) {
      PdfTextExtractor ex = new PdfTextExtractor(reader);
      for (int p = 1; p <= reader.getNumberOfPages(); p++) {
        sb.append(ex.getTextFromPage(p)).append('\n');
      }
    }
    return sb.toString();
  }
}
