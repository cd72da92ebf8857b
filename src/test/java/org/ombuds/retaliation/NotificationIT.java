package org.ombuds.retaliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/** E-mail notifications against a real SMTP server (GreenMail) running in the test. */
public class NotificationIT {
  private static final String PASSWORD = "smtp-Pa55word-that-must-not-leak";
  private static final String CASE_TITLE = "Harassment by the night-shift supervisor";
  private static final String VISITOR = "Jane Doe";

  private GreenMail smtp;

  @BeforeEach
  void startSmtp() {
    smtp = startedSmtpServer();
  }

  /**
   * A started GreenMail SMTP server on a free port, with the mailbox and login that {@link
   * #settings(int)} uses; the caller stops it.
   */
  public static GreenMail startedSmtpServer() {
    GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    server.setUser("ombuds@example.org", "ombuds-mail", PASSWORD);
    server.start();
    return server;
  }

  @AfterEach
  void stopSmtp() {
    smtp.stop();
  }

  /** The body of {@code PUT /api/v1/office/notifications} for a plain SMTP server on 127.0.0.1. */
  public static Map<String, Object> settings(int port) {
    Map<String, Object> m = new HashMap<>();
    m.put("enabled", true);
    m.put("host", "127.0.0.1");
    m.put("port", port);
    m.put("security", "NONE");
    m.put("username", "ombuds-mail");
    m.put("password", PASSWORD);
    m.put("from", "office@example.org");
    m.put("to", "ombuds@example.org");
    return m;
  }

  @Test
  void an_alert_raised_while_locked_sends_a_content_free_mail_and_the_password_is_kept_sealed()
      throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = RetaliationIT.login(t);
      Http.Response put =
          http.put("/api/v1/office/notifications", settings(smtp.getSmtp().getPort()));
      assertThat(put.status()).as(put.body()).isEqualTo(200);
      JsonNode got = http.get("/api/v1/office/notifications").json();
      assertThat(got.get("passwordSet").booleanValue()).isTrue();
      assertThat(got.has("password")).isFalse();
      assertThat(got.toString()).doesNotContain(PASSWORD);

      String caseId =
          http.post(
                  "/api/v1/cases",
                  Map.of(
                      "title",
                      CASE_TITLE,
                      "categories",
                      java.util.List.of("6a"),
                      "workUnit",
                      Map.of("name", "Night shift", "size", 9)))
              .json()
              .get("id")
              .stringValue();
      RetaliationIT.person(http, caseId, "VISITOR", VISITOR);
      http.delete("/api/v1/session");
      assertThat(t.office.sessions().keys()).as("locked").isEmpty();

      String alertId =
          t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.of(caseId));

      assertThat(smtp.waitForIncomingEmail(30_000, 1)).as("a mail arrives").isTrue();
      MimeMessage[] mails = smtp.getReceivedMessages();
      assertThat(mails).hasSize(1);
      String whole = GreenMailUtil.getWholeMessage(mails[0]);
      assertThat(mails[0].getSubject()).contains("something needs your attention");
      assertThat(GreenMailUtil.getBody(mails[0])).contains("urgent").contains("Log in");
      assertThat(whole)
          .doesNotContain(caseId)
          .doesNotContain(alertId)
          .doesNotContain("Harassment")
          .doesNotContain("supervisor")
          .doesNotContain("Jane")
          .doesNotContain("Night shift")
          .doesNotContain(PASSWORD);

      // The password is in the database only sealed, and the key that opens it is a file.
      Path db = t.dir.resolve("ombuds.db");
      for (Path f : new Path[] {db, db.resolveSibling("ombuds.db-wal")}) {
        if (Files.exists(f)) {
          assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
              .doesNotContain(PASSWORD);
        }
      }
      Path key = t.dir.resolve("server.key");
      assertThat(key).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void with_the_smtp_server_down_requests_still_succeed_and_alerts_are_listed() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort(); // free again once closed: nothing listens there
    }
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = RetaliationIT.login(t);
      assertThat(http.put("/api/v1/office/notifications", settings(closedPort)).status())
          .isEqualTo(200);
      Http.Response test = http.post("/api/v1/office/notifications/test", Map.of());
      assertThat(test.status()).isEqualTo(202);
      String id = t.office.alerts().raise(AlertKind.PORTAL_MESSAGE, false, Optional.empty());
      JsonNode alerts = http.get("/api/v1/alerts").json();
      assertThat(alerts.get(0).get("id").stringValue()).isEqualTo(id);
    }
  }

  @Test
  void the_test_mail_arrives_and_bad_settings_are_refused() throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = RetaliationIT.login(t);
      assertThat(http.post("/api/v1/office/notifications/test", Map.of()).status())
          .as("not set up yet")
          .isEqualTo(409);
      Map<String, Object> remotePlain = settings(25);
      remotePlain.put("host", "mail.example.org");
      Http.Response r = http.put("/api/v1/office/notifications", remotePlain);
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json().get("message").stringValue()).contains("localhost");
      Map<String, Object> badTo = settings(25);
      badTo.put("to", "not an address");
      assertThat(http.put("/api/v1/office/notifications", badTo).status()).isEqualTo(400);
      Map<String, Object> badPort = settings(70_000);
      assertThat(http.put("/api/v1/office/notifications", badPort).status()).isEqualTo(400);

      Map<String, Object> ok = settings(smtp.getSmtp().getPort());
      assertThat(http.put("/api/v1/office/notifications", ok).status()).isEqualTo(200);
      ok.remove("password"); // keeps the stored one
      assertThat(http.put("/api/v1/office/notifications", ok).status()).isEqualTo(200);
      assertThat(http.get("/api/v1/office/notifications").json().get("passwordSet").booleanValue())
          .isTrue();
      assertThat(http.post("/api/v1/office/notifications/test", Map.of()).status()).isEqualTo(202);
      assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
      assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("test");
      assertThat(RetaliationIT.kinds(t))
          .contains(org.ombuds.audit.AuditKind.NOTIFICATION_SETTINGS_CHANGED);
    }
  }

  private static void awaitAudit(TestOffice t, org.ombuds.audit.AuditKind kind)
      throws InterruptedException {
    for (int i = 0; i < 300 && !RetaliationIT.kinds(t).contains(kind); i++) {
      Thread.sleep(100);
    }
    assertThat(RetaliationIT.kinds(t)).contains(kind);
  }

  @Test
  void a_send_that_keeps_failing_is_retried_then_given_up_and_audited_with_ids_only()
      throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (TestOffice t = TestOffice.create()) {
      t.office
          .notifications()
          .set(
              "someone",
              new NotificationSettings(
                  true,
                  "127.0.0.1",
                  closedPort,
                  NotificationSettings.Security.NONE,
                  Optional.empty(),
                  "office@example.org",
                  "ombuds@example.org"),
              new Notifications.PasswordChange.Keep());
      try (org.ombuds.mail.SmtpNotifier n =
          new org.ombuds.mail.SmtpNotifier(
              t.office.notifications(),
              java.util.List.of(java.time.Duration.ZERO, java.time.Duration.ZERO),
              java.time.Clock.systemUTC())) {
        n.attentionNeeded(AlertKind.RETALIATION_REPORTED, true);
        awaitAudit(t, org.ombuds.audit.AuditKind.NOTIFICATION_FAILED);
      }
      var entries = new java.util.ArrayList<org.ombuds.audit.AuditEntry>();
      new org.ombuds.store.JdbiAuditStore(t.office.db()).forEachInOrder(entries::add);
      var failed =
          entries.stream()
              .filter(e -> e.kind() == org.ombuds.audit.AuditKind.NOTIFICATION_FAILED)
              .toList();
      assertThat(failed).hasSize(1);
      assertThat(failed.get(0).outcome()).isEqualTo("attempts-3");
      assertThat(failed.get(0).subject()).isEqualTo("notification");
    }
  }

  @Test
  void a_sent_notification_is_audited() throws Exception {
    try (TestOffice t = TestOffice.create()) {
      t.office
          .notifications()
          .set(
              "someone",
              new NotificationSettings(
                  true,
                  "127.0.0.1",
                  smtp.getSmtp().getPort(),
                  NotificationSettings.Security.NONE,
                  Optional.of("ombuds-mail"),
                  "office@example.org",
                  "ombuds@example.org"),
              new Notifications.PasswordChange.Set(PASSWORD));
      t.office.alerts().raise(AlertKind.CHECK_IN_DUE, false, Optional.empty());
      assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
      assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).contains("check-in is due");
      awaitAudit(t, org.ombuds.audit.AuditKind.NOTIFICATION_SENT);
    }
  }

  @Test
  void disabled_notifications_send_nothing() throws Exception {
    try (TestOffice t = TestOffice.create()) {
      t.office
          .notifications()
          .set(
              "someone",
              new NotificationSettings(
                  false,
                  "127.0.0.1",
                  smtp.getSmtp().getPort(),
                  NotificationSettings.Security.NONE,
                  Optional.empty(),
                  "office@example.org",
                  "ombuds@example.org"),
              new Notifications.PasswordChange.Keep());
      t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.empty());
      assertThat(smtp.waitForIncomingEmail(2_000, 1)).isFalse();
    }
  }

  @Test
  void a_flood_of_routine_alerts_sends_one_mail_per_kind_per_quiet_period_urgent_ones_always()
      throws Exception {
    org.ombuds.testing.MutableClock clock =
        new org.ombuds.testing.MutableClock(java.time.Instant.parse("2026-05-04T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock)) {
      t.office
          .notifications()
          .set(
              "someone",
              new NotificationSettings(
                  true,
                  "127.0.0.1",
                  smtp.getSmtp().getPort(),
                  NotificationSettings.Security.NONE,
                  Optional.empty(),
                  "office@example.org",
                  "ombuds@example.org"),
              new Notifications.PasswordChange.Keep());
      for (int i = 0; i < 5; i++) {
        t.office.alerts().raise(AlertKind.PORTAL_MESSAGE, false, Optional.empty());
      }
      t.office.alerts().raise(AlertKind.CHECK_IN_DUE, false, Optional.empty());
      t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.empty());
      t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.empty());
      assertThat(smtp.waitForIncomingEmail(30_000, 4)).isTrue();
      clock.advance(org.ombuds.mail.SmtpNotifier.QUIET.plusMinutes(1));
      t.office.alerts().raise(AlertKind.PORTAL_MESSAGE, false, Optional.empty());
      assertThat(smtp.waitForIncomingEmail(30_000, 5)).isTrue();
      assertThat(smtp.waitForIncomingEmail(2_000, 6)).as("nothing more").isFalse();
      assertThat(t.office.alerts().open("someone")).as("every alert is listed").hasSize(9);
    }
  }
}
