package org.ombuds.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ombuds.casefile.Gender;
import org.ombuds.mandate.Mandate;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.ReportService;
import org.ombuds.records.ReportSettings;
import org.ombuds.records.YearInputs;
import org.ombuds.reporting.ReportCsv;
import org.ombuds.reporting.ReportData;
import org.ombuds.reporting.ReportPdf;
import org.ombuds.safeguards.PendingChange;
import org.ombuds.safeguards.SecondOmbuds;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/reports}: the annual report (JSON, PDF, CSV) and the office's inputs to it. */
final class ReportApi {
  private final ReportService reports;
  private final Mandate mandate;
  private final SecondOmbuds safeguards;

  ReportApi(ReportService reports, Mandate mandate, SecondOmbuds safeguards) {
    this.reports = reports;
    this.mandate = mandate;
    this.safeguards = safeguards;
  }

  private static String actor(Context ctx) {
    return Auth.caller(ctx).session().accountId();
  }

  /** The year of {@code ?year=}, refused with 400 when missing or not a plausible year. */
  static int year(String raw) {
    if (raw == null || !raw.matches("\\d{4}")) {
      throw ApiError.badRequest(
          "Give the report's year as ?year=YYYY, between "
              + ReportSettings.MIN_YEAR
              + " and "
              + ReportSettings.MAX_YEAR
              + ".");
    }
    return ReportSettings.checkYear(Integer.parseInt(raw));
  }

  void annual(Context ctx) {
    int year = year(ctx.queryParam("year"));
    String format = ctx.queryParam("format");
    if (format != null
        && !format.equals("json")
        && !format.equals("pdf")
        && !format.equals("csv")) {
      throw ApiError.badRequest("'format' is json (the default), pdf or csv.");
    }
    String lang = ctx.queryParam("lang");
    if (lang != null && !lang.equals("en") && !lang.equals("fr")) {
      throw ApiError.badRequest("'lang' is en (the default) or fr.");
    }
    // Every format leaves the office: the Ombuds' own texts pass the exit check first.
    PublishedReport report = reports.forExport(actor(ctx), year);
    if ("pdf".equals(format)) {
      I18n i18n = I18n.of(lang == null ? "en" : lang);
      ReportLabels text = new ReportLabels(i18n, new Labels(i18n, Map.of()));
      ctx.header("Content-Disposition", "attachment; filename=\"annual-report-" + year + ".pdf\"");
      ctx.contentType("application/pdf")
          .result(ReportPdf.render(report, mandate.letterhead().orElse(""), text));
    } else if ("csv".equals(format)) {
      ctx.header("Content-Disposition", "attachment; filename=\"annual-report-" + year + ".csv\"");
      ctx.contentType("text/csv; charset=utf-8")
          .result(ReportCsv.render(report).getBytes(StandardCharsets.UTF_8));
    } else {
      ctx.json(ReportData.json(report));
    }
  }

  void getSettings(Context ctx) {
    ctx.json(Map.of("threshold", reports.settings().threshold()));
  }

  void putSettings(Context ctx) {
    JsonNode body = Json.object(ctx);
    JsonNode t = body.get("threshold");
    if (t == null || !t.isIntegralNumber()) {
      throw ApiError.badRequest("Send {\"threshold\": n} with n of at least 2.");
    }
    Optional<PendingChange> pending =
        safeguards.changeSettings(
            Auth.caller(ctx).session(),
            SecondOmbuds.SettingsRequest.none().withReportThreshold(t.asInt()));
    if (pending.isPresent()) {
      ctx.status(202)
          .json(
              Map.of(
                  "threshold",
                  reports.settings().threshold(),
                  "pending",
                  pending.get().id(),
                  "message",
                  "A lower threshold needs a second Ombuds: another Ombuds of the office must"
                      + " confirm the pending change."));
      return;
    }
    ctx.json(Map.of("threshold", reports.settings().threshold()));
  }

  void getYear(Context ctx) {
    int year = year(ctx.pathParam("year"));
    ctx.json(describe(year, reports.settings().year(year)));
  }

  void putYear(Context ctx) {
    int year = year(ctx.pathParam("year"));
    JsonNode body = Json.object(ctx);
    ReportSettings s = reports.setYear(actor(ctx), year, inputs(body));
    ctx.json(describe(year, s.year(year)));
  }

  static YearInputs inputs(JsonNode body) {
    int personnel =
        body.get("personnel") == null || body.get("personnel").isNull()
            ? 0
            : Json.integer(body, "personnel", 0, YearInputs.MAX_PERSONNEL);
    Map<String, Integer> shares = new LinkedHashMap<>();
    JsonNode g = body.get("genderShares");
    if (g != null && !g.isNull()) {
      if (!g.isObject()) {
        throw ApiError.badRequest("'genderShares' is an object of gender to percent.");
      }
      for (Gender gender : Gender.values()) {
        if (g.get(gender.name()) != null) {
          shares.put(gender.name(), Json.integer(g, gender.name(), 0, 100));
        }
      }
      if (shares.size() != g.size()) {
        throw ApiError.badRequest(
            "'genderShares' takes only WOMAN, MAN, OTHER and UNDISCLOSED, each 0 to 100.");
      }
    }
    return new YearInputs(
        personnel,
        shares,
        optional(body, "assessment"),
        optional(body, "observations"),
        optional(body, "recommendations"));
  }

  private static String optional(JsonNode body, String field) {
    JsonNode n = body.get(field);
    return n == null || n.isNull() ? "" : Json.rawText(body, field, YearInputs.MAX_TEXT);
  }

  private static Map<String, Object> describe(int year, YearInputs in) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("year", year);
    out.put("personnel", in.personnel());
    out.put("genderShares", in.genderShares());
    out.put("assessment", in.assessment());
    out.put("observations", in.observations());
    out.put("recommendations", in.recommendations());
    return out;
  }
}
