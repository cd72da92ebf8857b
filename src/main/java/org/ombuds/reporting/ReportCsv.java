package org.ombuds.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.PublishedYear;

/**
 * The report's published aggregates as CSV ({@code year,table,row,value}), for every year of the
 * report. No text of the assessment, only figures; hidden cells carry their label.
 */
public final class ReportCsv {
  private ReportCsv() {}

  public static String render(PublishedReport report) {
    StringBuilder sb = new StringBuilder("year,table,row,value\r\n");
    for (PublishedYear y : report.trend()) {
      Map<String, Object> m = ReportData.year(report, y);
      for (Map.Entry<String, Object> e : m.entrySet()) {
        if (e.getKey().equals("year")) {
          continue;
        }
        rows(sb, y.year(), e.getKey(), "", e.getValue());
      }
    }
    return sb.toString();
  }

  private static void rows(StringBuilder sb, int year, String table, String row, Object v) {
    if (v instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String r = row.isEmpty() ? e.getKey().toString() : row + ":" + e.getKey();
        rows(sb, year, table, r, e.getValue());
      }
      return;
    }
    if (v == null) {
      return;
    }
    String text = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    List<String> fields = new ArrayList<>(List.of(Integer.toString(year), table, row, text));
    sb.append(String.join(",", fields.stream().map(ReportCsv::quote).toList())).append("\r\n");
  }

  private static String quote(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
