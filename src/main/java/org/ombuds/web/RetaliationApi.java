package org.ombuds.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ombuds.mail.SmtpNotifier;
import org.ombuds.retaliation.Alert;
import org.ombuds.retaliation.Alerts;
import org.ombuds.retaliation.CheckIn;
import org.ombuds.retaliation.NotificationSettings;
import org.ombuds.retaliation.Notifications;
import org.ombuds.retaliation.RetaliationException;
import org.ombuds.retaliation.Watch;
import org.ombuds.retaliation.WatchTerms;
import org.ombuds.retaliation.Watches;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/alerts} and the retaliation watches. */
final class RetaliationApi {
  private final Alerts alerts;
  private final Watches watches;
  private final Notifications notifications;
  private final SmtpNotifier notifier;

  RetaliationApi(
      Alerts alerts, Watches watches, Notifications notifications, SmtpNotifier notifier) {
    this.alerts = alerts;
    this.watches = watches;
    this.notifications = notifications;
    this.notifier = notifier;
  }

  private static String actor(Context ctx) {
    return Auth.caller(ctx).session().accountId();
  }

  void alerts(Context ctx) {
    ctx.json(alerts.open(actor(ctx)).stream().map(RetaliationApi::alert).toList());
  }

  void acknowledge(Context ctx) {
    String id = ctx.pathParam("alert");
    alerts.acknowledge(actor(ctx), id);
    ctx.json(Map.of("id", id, "acknowledged", true));
  }

  static Map<String, Object> alert(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("kind", a.kind().name());
    m.put("urgent", a.urgent());
    m.put("caseId", a.caseId().orElse(null));
    m.put("watchId", a.watchId().orElse(null));
    m.put("raisedOn", a.raisedOn().toString());
    return m;
  }

  static WatchTerms terms(JsonNode body) {
    LocalDate until = CaseApi.date(Json.text(body, "until", 10), "until");
    List<LocalDate> checkIns = new ArrayList<>();
    List<String> days = Json.strings(body, "checkIns", 100, 10);
    for (int i = 0; i < days.size(); i++) {
      checkIns.add(CaseApi.date(days.get(i), "checkIns[" + i + "]"));
    }
    return new WatchTerms(until, checkIns);
  }

  void agree(Context ctx) {
    JsonNode body = Json.object(ctx);
    Watch w =
        watches.agree(
            actor(ctx), ctx.pathParam("id"), Json.text(body, "personId", 36), terms(body));
    ctx.status(201).json(watch(w, watches.today()));
  }

  void forCase(Context ctx) {
    LocalDate today = watches.today();
    ctx.json(
        watches.forCase(actor(ctx), ctx.pathParam("id")).stream()
            .map(w -> watch(w, today))
            .toList());
  }

  void watches(Context ctx) {
    LocalDate today = watches.today();
    ctx.json(watches.notEnded(actor(ctx)).stream().map(w -> watch(w, today)).toList());
  }

  void watch(Context ctx) {
    ctx.json(watch(watches.get(actor(ctx), ctx.pathParam("watch")), watches.today()));
  }

  void done(Context ctx) {
    LocalDate date = CaseApi.date(ctx.pathParam("date"), "date");
    ctx.json(watch(watches.checkInDone(actor(ctx), ctx.pathParam("watch"), date), watches.today()));
  }

  void end(Context ctx) {
    ctx.json(watch(watches.end(actor(ctx), ctx.pathParam("watch")), watches.today()));
  }

  static Map<String, Object> watch(Watch w, LocalDate today) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", w.id());
    m.put("caseId", w.caseId().orElse(null));
    m.put("personId", w.personId().orElse(null));
    m.put("until", w.until().toString());
    m.put("agreedOn", w.agreedOn().toString());
    m.put("endedOn", w.endedOn().map(LocalDate::toString).orElse(null));
    m.put("active", w.active(today));
    m.put("checkIns", w.checkIns().stream().map(c -> checkIn(c, today)).toList());
    return m;
  }

  private static Map<String, Object> checkIn(CheckIn c, LocalDate today) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date", c.date().toString());
    m.put("done", c.done());
    m.put("doneOn", c.doneOn().map(LocalDate::toString).orElse(null));
    m.put("overdue", c.overdue(today));
    return m;
  }

  // ---------------------------------------------------------------- e-mail notifications

  void getNotifications(Context ctx) {
    ctx.json(describe(notifications));
  }

  void putNotifications(Context ctx) {
    JsonNode body = Json.object(ctx);
    String security = Json.optionalText(body, "security", 10).orElse("STARTTLS");
    NotificationSettings s =
        new NotificationSettings(
            body.get("enabled") == null ? true : Json.bool(body, "enabled"),
            Json.text(body, "host", 255),
            Json.integer(body, "port", 1, 65_535),
            org.ombuds.casefile.Vocabulary.parse(
                NotificationSettings.Security.class, "security", security),
            Json.optionalText(body, "username", 255),
            Json.text(body, "from", 320),
            Json.text(body, "to", 320));
    JsonNode pw = body.get("password");
    Notifications.PasswordChange change;
    if (pw == null) {
      change = new Notifications.PasswordChange.Keep();
    } else if (pw.isNull()) {
      change = new Notifications.PasswordChange.Clear();
    } else {
      change = new Notifications.PasswordChange.Set(Json.rawText(body, "password", 1000));
    }
    notifications.set(actor(ctx), s, change);
    ctx.json(describe(notifications));
  }

  void testNotification(Context ctx) {
    if (notifications.settings().filter(NotificationSettings::enabled).isEmpty()) {
      throw new RetaliationException(
          409, "notifications_off", "Set up and enable e-mail notifications first.");
    }
    notifier.test();
    ctx.status(202).json(Map.of("queued", true));
  }

  static Map<String, Object> describe(Notifications n) {
    Map<String, Object> m = new LinkedHashMap<>();
    n.settings()
        .ifPresentOrElse(
            s -> {
              m.put("enabled", s.enabled());
              m.put("host", s.host());
              m.put("port", s.port());
              m.put("security", s.security().name());
              m.put("username", s.username().orElse(null));
              m.put("from", s.from());
              m.put("to", s.to());
            },
            () -> m.put("enabled", false));
    m.put("passwordSet", n.passwordSet());
    return m;
  }
}
