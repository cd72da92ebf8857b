package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.mail.SmtpNotifier;
import org.ombuds.retaliation.Alerts;
import org.ombuds.retaliation.CheckIn;
import org.ombuds.retaliation.NotificationSettings;
import org.ombuds.retaliation.Notifications;
import org.ombuds.retaliation.RetaliationException;
import org.ombuds.retaliation.Watch;
import org.ombuds.retaliation.Watches;

/**
 * The pages of alerts and retaliation watches: the dashboard's alerts and check-ins, acknowledging
 * an alert, marking a check-in done, ending a watch, and the e-mail notification settings. (The
 * case page's watch section is rendered by {@link CasePages}.)
 */
final class RetaliationPages {
  /** How far ahead the dashboard shows check-ins. */
  static final int UPCOMING_DAYS = 14;

  /** How many check-in dates the case page's form offers. */
  static final int CHECK_IN_SLOTS = 6;

  /** The services these pages use. */
  record Services(
      Alerts alerts, Watches watches, Notifications notifications, SmtpNotifier notifier) {}

  private final Pages pages;
  private final Services s;

  RetaliationPages(Pages pages, Services services) {
    this.pages = pages;
    this.s = services;
  }

  /** A refusal in the reader's words, by its code. */
  static String message(Reader r, RetaliationException e) {
    String key = "watch.error." + e.code();
    String text = r.t(key);
    return text.equals(key) ? r.t("watch.error.other") : text;
  }

  /** Adds the alerts (urgent first) and the overdue and upcoming check-ins to the dashboard. */
  void dashboard(Context ctx, String actor, Labels labels, Map<String, Object> params) {
    LocalDate today = labels.today();
    List<DueCheckIn> checkIns = new ArrayList<>();
    for (Watch w : s.watches().notEnded(actor)) {
      for (CheckIn c : w.checkIns()) {
        if (!c.done() && !c.date().isAfter(today.plusDays(UPCOMING_DAYS))) {
          checkIns.add(new DueCheckIn(w, c, c.overdue(today)));
        }
      }
    }
    checkIns.sort(Comparator.comparing((DueCheckIn d) -> d.checkIn().date()));
    params.put("alerts", s.alerts().openUrgentFirst(actor));
    params.put("checkIns", checkIns);
    String done = Optional.ofNullable(ctx.queryParam("done")).orElse("");
    if (done.equals("acknowledged") || done.equals("checkIn") || done.equals("watchEnded")) {
      params.put(
          "done",
          Optional.of(
              pages
                  .reader(ctx)
                  .t(
                      switch (done) {
                        case "acknowledged" -> "alerts.acknowledgedFlash";
                        case "checkIn" -> "watch.checkInDone";
                        default -> "watch.endedFlash";
                      })));
    }
  }

  void acknowledge(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          s.alerts().acknowledge(r.actor(), ctx.pathParam("alert"));
          ctx.redirect("/dashboard?done=acknowledged#alerts", HttpStatus.SEE_OTHER);
        });
  }

  void checkInDone(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          LocalDate date;
          try {
            date = LocalDate.parse(ctx.pathParam("date"));
          } catch (DateTimeParseException e) {
            throw new RetaliationException(404, "not_found", "There is no such check-in.");
          }
          Watch w = s.watches().checkInDone(r.actor(), ctx.pathParam("watch"), date);
          back(ctx, w, "checkIn");
        });
  }

  void end(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          Watch w = s.watches().end(r.actor(), ctx.pathParam("watch"));
          back(ctx, w, "watchEnded");
        });
  }

  /** Back to the case page when the form was there and the case still exists, else dashboard. */
  private static void back(Context ctx, Watch w, String done) {
    boolean fromCase = "case".equals(ctx.formParam("from"));
    if (fromCase && w.caseId().isPresent()) {
      ctx.redirect("/cases/" + w.caseId().get() + "?done=" + done + "#watch", HttpStatus.SEE_OTHER);
    } else {
      ctx.redirect("/dashboard?done=" + done + "#check-ins", HttpStatus.SEE_OTHER);
    }
  }

  // ---------------------------------------------------------------- notification settings

  private static final String[] FIELDS = {
    "enabled", "host", "port", "security", "username", "password", "from", "to"
  };

  void settingsForm(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          Form f = Form.blank("mail");
          s.notifications()
              .settings()
              .ifPresentOrElse(
                  n -> {
                    f.set("host", n.host())
                        .set("port", Integer.toString(n.port()))
                        .set("security", n.security().name())
                        .set("username", n.username().orElse(""))
                        .set("from", n.from())
                        .set("to", n.to());
                    if (n.enabled()) {
                      f.set("enabled", "on");
                    }
                  },
                  () -> f.set("port", "587").set("security", "STARTTLS").set("enabled", "on"));
          Optional<String> done =
              Optional.ofNullable(ctx.queryParam("done"))
                  .filter(d -> d.equals("saved") || d.equals("test"))
                  .map(d -> r.t(d.equals("saved") ? "mail.saved" : "mail.testQueued"));
          render(ctx, r, f, done, 200);
        });
  }

  void saveSettings(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          Form f = Form.read(ctx, "mail", FIELDS);
          if (ctx.formParam("test") != null) {
            if (s.notifications().settings().filter(NotificationSettings::enabled).isEmpty()) {
              f.general(r.t("mail.error.off"));
              render(ctx, r, f, Optional.empty(), 409);
              return;
            }
            s.notifier().test();
            ctx.redirect("/settings/notifications?done=test", HttpStatus.SEE_OTHER);
            return;
          }
          String portText = f.value("port").strip();
          int port = portText.matches("[0-9]{1,5}") ? Integer.parseInt(portText) : -1;
          NotificationSettings.Security security;
          try {
            security = NotificationSettings.Security.valueOf(f.value("security"));
          } catch (IllegalArgumentException e) {
            security = NotificationSettings.Security.STARTTLS;
          }
          String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
          boolean clear = ctx.formParam("clear_password") != null;
          try {
            NotificationSettings n =
                new NotificationSettings(
                    f.value("enabled").equals("on"),
                    f.value("host"),
                    port,
                    security,
                    Optional.of(f.value("username")),
                    f.value("from"),
                    f.value("to"));
            Notifications.PasswordChange change =
                clear
                    ? new Notifications.PasswordChange.Clear()
                    : password.isEmpty()
                        ? new Notifications.PasswordChange.Keep()
                        : new Notifications.PasswordChange.Set(password);
            s.notifications().set(r.actor(), n, change);
            ctx.redirect("/settings/notifications?done=saved", HttpStatus.SEE_OTHER);
          } catch (RetaliationException e) {
            // The domain's message names the field in English; say it in the reader's language.
            String m = e.getMessage();
            String field =
                m.startsWith("'host'")
                    ? "host"
                    : m.startsWith("'port'")
                        ? "port"
                        : m.startsWith("'from'")
                            ? "from"
                            : m.startsWith("'to'")
                                ? "to"
                                : m.startsWith("'password'") ? "password" : "security";
            f.error(field, r.t("mail.error." + field));
            f.set("password", "");
            render(ctx, r, f, Optional.empty(), 422);
          }
        });
  }

  private void render(Context ctx, Reader r, Form f, Optional<String> done, int status) {
    f.set("password", ""); // never shown back
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("form", f);
    params.put("passwordSet", s.notifications().passwordSet());
    params.put("done", done);
    pages.render(ctx, status, "notifications.jte", params);
  }
}
