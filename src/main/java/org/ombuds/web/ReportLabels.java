package org.ombuds.web;

import java.util.Map;
import java.util.function.Function;
import org.ombuds.records.ReportAxes;

/** The words of the report's rows in the reader's language: vocabularies and categories. */
final class ReportLabels implements Function<String, String> {
  private static final String TABLE = "report.table.";
  private static final Map<String, String> ENUMS =
      Map.of(
          "byContractType", "ContractType",
          "byGender", "Gender",
          "byAgeBand", "AgeBand",
          "byOutcome", "Outcome",
          "byOption", "OptionKind");

  private final I18n i18n;
  private final Labels labels;

  ReportLabels(I18n i18n, Labels labels) {
    this.i18n = i18n;
    this.labels = labels;
  }

  @Override
  public String apply(String key) {
    if (!key.startsWith(TABLE) || key.indexOf('.', TABLE.length()) < 0) {
      return i18n.t(key);
    }
    String table = key.substring(TABLE.length(), key.indexOf('.', TABLE.length()));
    String row = key.substring(key.indexOf('.', TABLE.length()) + 1);
    if (row.equals(ReportAxes.NOT_GIVEN)) {
      return i18n.t("report.notGiven");
    }
    if (table.equals("byCategory") || table.equals("bySubCategory")) {
      return row.equals(ReportAxes.OTHER)
          ? i18n.t("report.otherCategories")
          : row + " " + labels.category(row);
    }
    String e = ENUMS.get(table);
    if (e == null) {
      return row;
    }
    String k = "enum." + e + "." + row;
    String t = i18n.t(k);
    return t.equals(k) ? row : t;
  }
}
