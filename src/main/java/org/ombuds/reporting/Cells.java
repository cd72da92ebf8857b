package org.ombuds.reporting;

import java.math.BigDecimal;

/** How a published value reads in a table: a number, "< 5", "hidden" or a dash when not given. */
final class Cells {
  private Cells() {}

  /** The text of a value from {@link ReportData}. */
  static String text(Object v) {
    if (v == null) {
      return "–";
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    String s = v.toString();
    if (s.equals(ReportData.SECONDARY)) {
      return "(s)";
    }
    if (s.startsWith("<")) {
      return "< " + s.substring(1);
    }
    return s;
  }
}
