package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.web.PageSession.f;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.AuditKind;
import org.ombuds.retaliation.AlertKind;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/** The dashboard's alerts and check-ins, the case page's watch and the mail settings page. */
class RetaliationPagesIT {

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  private static String newCaseWithVisitor(TestOffice t) {
    Http api = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    String caseId =
        api.post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Safety concerns",
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "Operations group", "size", 8)))
            .json()
            .get("id")
            .stringValue();
    api.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "Jane"));
    return caseId;
  }

  @Test
  void urgent_alerts_come_first_marked_in_words_and_acknowledging_needs_the_form_token() {
    try (TestOffice t = TestOffice.create().serve()) {
      PageSession s =
          PageSession.login(
              t.http(), TestOffice.USERNAME, TestOffice.PASSPHRASE, PageSession::basicChecks);
      String routine = t.office.alerts().raise(AlertKind.PORTAL_MESSAGE, false, Optional.empty());
      String urgent =
          t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.empty());
      t.office.alerts().raise(AlertKind.CHECK_IN_DUE, false, Optional.empty());

      String html = s.get("/dashboard").body();
      int urgentAt = html.indexOf("/alerts/" + urgent + "/acknowledge");
      int routineAt = html.indexOf("/alerts/" + routine + "/acknowledge");
      assertThat(urgentAt).isPositive().isLessThan(routineAt);
      assertThat(html).contains("class=\"alert urgent\"").contains("Urgent</strong>");
      assertThat(html).contains("Retaliation reported").contains("New portal message");

      Http.Response forged =
          s.post("/alerts/" + urgent + "/acknowledge", List.of(f("_csrf", "forged")));
      assertThat(forged.status()).isEqualTo(403);
      assertThat(t.office.alerts().open(accountId(t))).hasSize(3);

      Http.Response ok = s.submit("/alerts/" + urgent + "/acknowledge", List.of());
      assertThat(ok.status()).isEqualTo(303);
      assertThat(ok.header("Location")).startsWith("/dashboard?done=acknowledged");
      assertThat(s.get("/dashboard?done=acknowledged").body())
          .contains("Alert acknowledged.")
          .doesNotContain("/alerts/" + urgent + "/acknowledge");
      assertThat(GuardsIT.kinds(t)).contains(AuditKind.ALERT_ACKNOWLEDGED);
    }
  }

  private static String accountId(TestOffice t) {
    return t.office.accounts().accounts().get(0).id();
  }

  @Test
  void a_watch_agreed_on_the_case_page_shows_its_check_ins_there_and_on_the_dashboard() {
    try (TestOffice t = TestOffice.create().serve()) {
      String caseId = newCaseWithVisitor(t);
      PageSession s =
          PageSession.login(
              t.http(), TestOffice.USERNAME, TestOffice.PASSPHRASE, PageSession::basicChecks);
      String page = s.get("/cases/" + caseId).body();
      assertThat(page).contains("Retaliation watch").contains("Agree a watch");
      String person =
          java.util.regex.Pattern.compile("<option value=\"([0-9a-f-]{36})\"")
              .matcher(page)
              .results()
              .map(m -> m.group(1))
              .findFirst()
              .orElseThrow();

      Http.Response bad =
          s.submit(
              "/cases/" + caseId + "/watches",
              List.of(
                  f("person", person),
                  f("until", today().plusDays(10).toString()),
                  f("checkin", today().plusDays(11).toString())));
      assertThat(bad.status()).isEqualTo(422);
      assertThat(bad.body()).contains("A check-in date is after the end of the watch.");

      Http.Response ok =
          s.submit(
              "/cases/" + caseId + "/watches",
              List.of(
                  f("person", person),
                  f("until", today().plusDays(40).toString()),
                  f("checkin", today().plusDays(3).toString()),
                  f("checkin", ""),
                  f("checkin", today().plusDays(30).toString())));
      assertThat(ok.status()).as(ok.body()).isEqualTo(303);
      String after = s.get("/cases/" + caseId + "?done=watch").body();
      assertThat(after).contains("Watch agreed.").contains(today().plusDays(30).toString());

      String dashboard = s.get("/dashboard").body();
      assertThat(dashboard)
          .contains("datetime=\"" + today().plusDays(3) + "\"")
          .as("beyond 14 days: not on the dashboard")
          .doesNotContain("datetime=\"" + today().plusDays(30) + "\"");
    }
  }

  @Test
  void the_notification_settings_page_saves_and_never_shows_the_password() {
    try (TestOffice t = TestOffice.create().serve()) {
      PageSession s =
          PageSession.login(
              t.http(), TestOffice.USERNAME, TestOffice.PASSPHRASE, PageSession::basicChecks);
      assertThat(s.get("/settings/notifications").status()).isEqualTo(200);
      String secret = "a-smtp-secret-never-shown";
      Http.Response r =
          s.submit(
              "/settings/notifications",
              List.of(
                  f("enabled", "on"),
                  f("host", "localhost"),
                  f("port", "2525"),
                  f("security", "NONE"),
                  f("username", "office"),
                  f("password", secret),
                  f("from", "office@example.org"),
                  f("to", "ombuds@example.org")));
      assertThat(r.status()).isEqualTo(303);
      String page = s.get("/settings/notifications?done=saved").body();
      assertThat(page).contains("Settings saved.").contains("A password is stored.");
      assertThat(page).doesNotContain(secret);
      assertThat(t.office.notifications().passwordSet()).isTrue();

      Http.Response refused =
          s.submit(
              "/settings/notifications",
              List.of(
                  f("host", "mail.example.org"),
                  f("port", "25"),
                  f("security", "NONE"),
                  f("password", secret),
                  f("from", "office@example.org"),
                  f("to", "ombuds@example.org")));
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.body()).contains("must be on this machine").doesNotContain(secret);
    }
  }
}
