package org.ombuds.reporting;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.PublishedYear;

/**
 * The report's charts as PNG, drawn on the server (no script, no third-party resource). A hidden
 * cell is drawn as no bar at all (not as a bar of 0, which would read as "none"): on the charts by
 * category and by outcome its row label carries the same mark as the data table beside every chart
 * ("&lt; 5" or "(s)"); on the trend the gap is explained by that table.
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
    CategoryChart chart = chart(report, name, text);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The chart {@code name} before drawing (for tests of what it holds). */
  static CategoryChart chart(PublishedReport report, String name, Function<String, String> text) {
    System.setProperty("java.awt.headless", "true");
    CategoryChart chart =
        new CategoryChartBuilder()
            .width(640)
            .height(320)
            .title(text.apply("report.chart." + name))
            .build();
    CategoryStyler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setYAxisMin(0.0);
    chart.getStyler().setXAxisLabelRotation(name.equals("trend") ? 0 : 30);
    PublishedYear y = report.current();
    boolean anyShown = false;
    switch (name) {
      case "categories" ->
          anyShown = series(chart, y, "category.", text, "report.table.byCategory.");
      case "outcomes" -> anyShown = series(chart, y, "outcome.", text, "report.table.byOutcome.");
      case "trend" -> {
        List<String> years = new ArrayList<>();
        report.trend().forEach(t -> years.add(Integer.toString(t.year())));
        for (String total : List.of("visitors", "issues", "cases")) {
          List<Long> values = new ArrayList<>();
          report.trend().forEach(t -> values.add(t.shown(total).orElse(null)));
          anyShown |= add(chart, text.apply("report." + total), years, values);
        }
      }
      default -> throw new IllegalArgumentException("no chart " + name);
    }
    if (!anyShown) {
      // nothing shown: an empty axis rather than bars of 0
      s.setYAxisMax(1.0);
    }
    return chart;
  }

  private static boolean series(
      CategoryChart chart,
      PublishedYear y,
      String prefix,
      Function<String, String> text,
      String labelPrefix) {
    List<String> rows = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (Map.Entry<String, PublishedYear.Cell> e : y.table(prefix).entrySet()) {
      String label = text.apply(labelPrefix + e.getKey());
      if (e.getValue() instanceof PublishedYear.Shown s) {
        rows.add(label);
        values.add(s.count());
      } else {
        String mark = Cells.text(ReportData.value(e.getValue(), y.threshold()));
        rows.add(label + " " + (mark.startsWith("(") ? mark : "(" + mark + ")"));
        values.add(null);
      }
    }
    return add(chart, Integer.toString(y.year()), rows, values);
  }

  /**
   * Adds a series in which {@code null} is a hidden value: no bar is drawn for it.
   *
   * @return true when some value is shown
   */
  private static boolean add(CategoryChart chart, String name, List<String> x, List<Long> values) {
    chart.addSeries(name, x, values);
    return values.stream().anyMatch(Objects::nonNull);
  }
}
