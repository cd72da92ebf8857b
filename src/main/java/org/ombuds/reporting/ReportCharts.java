package org.ombuds.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.PublishedYear;

/**
 * The report's charts as PNG, drawn on the server (no script, no third-party resource). A hidden
 * cell is drawn as no bar: its label stays in the data table shown beside every chart.
 */
public final class ReportCharts {
  /** The charts there are, by name. */
  public static final List<String> NAMES = List.of("categories", "trend", "outcomes");

  private ReportCharts() {}

  /**
   * The chart {@code name} as PNG.
   *
   * @param text the label of a message key (title, axis and row labels)
   * @throws IllegalArgumentException when there is no such chart
   */
  public static byte[] png(PublishedReport report, String name, Function<String, String> text) {
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(640)
            .height(320)
            .title(text.apply("report.chart." + name))
            .build();
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setXAxisLabelRotation(name.equals("trend") ? 0 : 30);
    PublishedYear y = report.current();
    switch (name) {
      case "categories" -> series(chart, y, "category.", text, "report.table.byCategory.");
      case "outcomes" -> series(chart, y, "outcome.", text, "report.table.byOutcome.");
      case "trend" -> {
        List<String> years = new ArrayList<>();
        report.trend().forEach(t -> years.add(Integer.toString(t.year())));
        for (String total : List.of("visitors", "issues", "cases")) {
          List<Long> values = new ArrayList<>();
          report.trend().forEach(t -> values.add(t.shown(total).orElse(0L)));
          chart.addSeries(text.apply("report." + total), years, values);
        }
      }
      default -> throw new IllegalArgumentException("no chart " + name);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void series(
      CategoryChart chart,
      PublishedYear y,
      String prefix,
      Function<String, String> text,
      String labelPrefix) {
    List<String> rows = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (Map.Entry<String, PublishedYear.Cell> e : y.table(prefix).entrySet()) {
      rows.add(text.apply(labelPrefix + e.getKey()));
      values.add(e.getValue() instanceof PublishedYear.Shown s ? s.count() : 0L);
    }
    chart.addSeries(Integer.toString(y.year()), rows, values);
  }
}
