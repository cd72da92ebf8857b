package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ombuds.casefile.Gender;
import org.ombuds.mandate.Mandate;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.ReportException;
import org.ombuds.records.ReportService;
import org.ombuds.records.ReportSettings;
import org.ombuds.records.YearInputs;
import org.ombuds.reporting.ReportCharts;
import org.ombuds.reporting.ReportCsv;
import org.ombuds.reporting.ReportPdf;
import org.ombuds.reporting.ReportView;
import org.ombuds.safeguards.SecondOmbuds;

/**
 * The annual report's pages: the report of a year with its comparison years, a chart with its data
 * table beside it, the report editor (personnel, gender shares, the Ombuds' own texts) and the
 * threshold. Every figure comes from a {@link PublishedReport}, as in the API.
 */
final class ReportPages {
  private final Pages pages;
  private final ReportService reports;
  private final Mandate mandate;
  private final SecondOmbuds safeguards;

  ReportPages(Pages pages, ReportService reports, Mandate mandate, SecondOmbuds safeguards) {
    this.pages = pages;
    this.reports = reports;
    this.mandate = mandate;
    this.safeguards = safeguards;
  }

  private static int pathYear(Context ctx) {
    String raw = ctx.pathParam("year");
    if (!raw.matches("\\d{4}")) {
      throw ApiError.notFound();
    }
    return ReportSettings.checkYear(Integer.parseInt(raw));
  }

  void show(Context ctx) {
    Reader r = pages.reader(ctx);
    String raw = ctx.queryParam("year");
    int year =
        raw == null || raw.isBlank()
            ? Year.now(ZoneOffset.UTC).getValue() - 1
            : ReportApi.year(raw.strip());
    render(ctx, r, year, editor(reports.settings().year(year)), Form.blank("threshold"), 200);
  }

  private static Form editor(YearInputs in) {
    Form f = Form.blank("editor");
    f.set("personnel", in.personnel() == 0 ? "" : Integer.toString(in.personnel()));
    for (Gender g : Gender.values()) {
      Integer share = in.genderShares().get(g.name());
      f.set("share" + g.name(), share == null ? "" : share.toString());
    }
    f.set("assessment", in.assessment());
    f.set("observations", in.observations());
    f.set("recommendations", in.recommendations());
    return f;
  }

  private void render(Context ctx, Reader r, int year, Form editor, Form threshold, int status) {
    PublishedReport report = reports.annual(r.actor(), year);
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("view", ReportView.of(report, labels(r)));
    params.put("editor", editor);
    params.put("thresholdForm", threshold);
    params.put("genders", Gender.values());
    params.put("exitRefusal", exitRefusal(r, year));
    pages.render(ctx, status, "report.jte", params);
  }

  /**
   * Why the report cannot leave the office now, if it cannot: its own texts name someone of an open
   * case. Shown on the page, so the Ombuds sees it while editing, before trying an export.
   */
  private java.util.List<String> exitRefusal(Reader r, int year) {
    try {
      reports.requireTextsMayLeave(r.actor(), year);
      return java.util.List.of();
    } catch (org.ombuds.mandate.ExitCheck.Refused e) {
      if (e.shown().isEmpty()) {
        return java.util.List.of(r.t("exit.generic"));
      }
      java.util.List<String> out = new java.util.ArrayList<>();
      out.add(r.t("report.exitRefused"));
      e.shown().forEach(s -> out.add(r.t("report.exitMatch", s.excerpt())));
      return out;
    }
  }

  private static ReportLabels labels(Reader r) {
    return new ReportLabels(r.page().i18n(), r.labels());
  }

  void saveYear(Context ctx) {
    Reader r = pages.reader(ctx);
    int year = pathYear(ctx);
    String[] fields = {
      "personnel", "assessment", "observations", "recommendations",
      "shareWOMAN", "shareMAN", "shareOTHER", "shareUNDISCLOSED"
    };
    Form form = Form.read(ctx, "editor", fields);
    int personnel = number(form, "personnel", YearInputs.MAX_PERSONNEL, r);
    Map<String, Integer> shares = new LinkedHashMap<>();
    for (Gender g : Gender.values()) {
      if (!form.value("share" + g.name()).isBlank()) {
        shares.put(g.name(), number(form, "share" + g.name(), 100, r));
      }
    }
    if (!form.hasErrors()) {
      try {
        reports.setYear(
            r.actor(),
            year,
            new YearInputs(
                personnel,
                shares,
                form.value("assessment"),
                form.value("observations"),
                form.value("recommendations")));
        ctx.redirect("/reports?year=" + year + "&done=saved", HttpStatus.SEE_OTHER);
        return;
      } catch (ReportException e) {
        if (e.reason() != ReportException.Reason.INVALID) {
          throw e;
        }
        form.general(e.getMessage());
      }
    }
    render(ctx, r, year, form, Form.blank("threshold"), 422);
  }

  private static int number(Form form, String field, int max, Reader r) {
    String v = form.value(field).strip();
    if (v.isEmpty()) {
      return 0;
    }
    if (!v.matches("\\d{1,9}") || Integer.parseInt(v) > max) {
      form.error(field, r.t("report.error.number", max));
      return 0;
    }
    return Integer.parseInt(v);
  }

  void saveSettings(Context ctx) {
    Reader r = pages.reader(ctx);
    Form form = Form.read(ctx, "threshold", "threshold", "year");
    int year = ReportApi.year(form.value("year"));
    String v = form.value("threshold").strip();
    if (!v.matches("\\d{1,3}") || Integer.parseInt(v) < ReportSettings.MIN_THRESHOLD) {
      form.error("threshold", r.t("report.error.threshold"));
    } else {
      try {
        boolean pending =
            safeguards
                .changeSettings(
                    Auth.caller(ctx).session(),
                    SecondOmbuds.SettingsRequest.none().withReportThreshold(Integer.parseInt(v)))
                .isPresent();
        ctx.redirect(
            pending
                ? "/dashboard?done=changePending#changes"
                : "/reports?year=" + year + "&done=threshold",
            HttpStatus.SEE_OTHER);
        return;
      } catch (ReportException e) {
        if (e.reason() != ReportException.Reason.INVALID) {
          throw e;
        }
        form.error("threshold", r.t("report.error.threshold"));
      }
    }
    render(ctx, r, year, editor(reports.settings().year(year)), form, 422);
  }

  void chart(Context ctx) {
    Reader r = pages.reader(ctx);
    int year = pathYear(ctx);
    String name = ctx.pathParam("name").replaceFirst("\\.png$", "");
    if (!ReportCharts.NAMES.contains(name)) {
      throw ApiError.notFound();
    }
    byte[] png = ReportCharts.png(reports.annual(r.actor(), year), name, labels(r));
    ctx.header("Cache-Control", "no-store");
    ctx.contentType("image/png").result(png);
  }

  void pdf(Context ctx) {
    Reader r = pages.reader(ctx);
    int year = pathYear(ctx);
    byte[] pdf =
        ReportPdf.render(
            reports.forExport(r.actor(), year), mandate.letterhead().orElse(""), labels(r));
    ctx.header("Content-Disposition", "attachment; filename=\"annual-report-" + year + ".pdf\"");
    ctx.contentType("application/pdf").result(pdf);
  }

  void csv(Context ctx) {
    Reader r = pages.reader(ctx);
    int year = pathYear(ctx);
    String csv = ReportCsv.render(reports.forExport(r.actor(), year));
    ctx.header("Content-Disposition", "attachment; filename=\"annual-report-" + year + ".csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(csv.getBytes(StandardCharsets.UTF_8));
  }
}
