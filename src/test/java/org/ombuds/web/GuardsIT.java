package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.AuditKind;
import org.ombuds.testing.Http;
import org.ombuds.testing.MutableClock;
import org.ombuds.testing.TestOffice;

/** Deny by default, session expiry and locking, for a real server. */
class GuardsIT {

  @Test
  void a_route_registered_without_a_role_is_refused() {
    try (TestOffice t = TestOffice.create()) {
      WebServer server =
          new WebServer(
                  t.office,
                  WebServer.Options.plain(),
                  config -> {
                    config.routes.get("/api/v1/unguarded", ctx -> ctx.result("leaked"));
                    config.routes.get("/unguarded-page", ctx -> ctx.result("leaked"));
                  })
              .start("127.0.0.1", 0);
      try {
        Http http = new Http("http://127.0.0.1:" + server.port());
        Http.Response api = http.get("/api/v1/unguarded");
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.body()).doesNotContain("leaked");
        assertThat(http.get("/unguarded-page").body()).doesNotContain("leaked");
        http.login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
        assertThat(http.get("/api/v1/unguarded").status()).isEqualTo(403);
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void every_registered_route_declares_a_role() {
    try (TestOffice t = TestOffice.create().serve()) {
      assertThat(t.server().routes())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.role()).isNotNull());
    }
  }

  @Test
  void an_idle_session_expires_after_30_minutes_and_the_office_locks() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      assertThat(t.office.sessions().keys()).isPresent();
      clock.advance(Duration.ofMinutes(29));
      assertThat(http.get("/api/v1/cases").status()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(29));
      assertThat(http.get("/api/v1/cases").status()).as("used 29 minutes ago").isEqualTo(200);
      clock.advance(Duration.ofMinutes(31));
      assertThat(http.get("/api/v1/cases").status()).isEqualTo(401);
      assertThat(t.office.sessions().keys()).as("keys dropped with the last session").isEmpty();
      assertThat(kinds(t)).contains(AuditKind.SESSION_EXPIRED, AuditKind.OFFICE_LOCKED);
    }
  }

  @Test
  void after_a_restart_the_office_is_locked_and_old_tokens_are_dead() throws Exception {
    TestOffice t = TestOffice.create().serve();
    try {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      t.server().stop();
      t.office.close();
      try (org.ombuds.app.Office reopened =
          org.ombuds.app.Office.open(
              new org.ombuds.app.DataDir(t.dir), Optional.empty(), Clock.systemUTC())) {
        assertThat(reopened.sessions().keys()).isEmpty();
        WebServer server = new WebServer(reopened, WebServer.Options.plain()).start("127.0.0.1", 0);
        try {
          Http again = new Http("http://127.0.0.1:" + server.port());
          assertThat(again.withToken(http.token()).get("/api/v1/cases").status()).isEqualTo(401);
          again.withToken(null).login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
          assertThat(again.get("/api/v1/cases").status()).isEqualTo(200);
          assertThat(reopened.sessions().keys()).isPresent();
        } finally {
          server.stop();
        }
      }
    } finally {
      org.ombuds.testing.Files2.deleteTree(t.dir);
    }
  }

  @Test
  void a_second_factor_is_asked_once_set_up_and_can_be_required_office_wide() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      Http first = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      first.post(
          "/api/v1/accounts",
          Map.of("username", "colleague", "passphrase", "colleague passphrase"));
      var setup = first.post("/api/v1/account/totp", Map.of()).json();
      String secret = setup.get("secret").stringValue();
      assertThat(setup.get("uri").stringValue()).startsWith("otpauth://totp/");
      assertThat(
              first
                  .post(
                      "/api/v1/account/totp/confirm",
                      Map.of("otp", Otp.code(secret, clock.instant().plusSeconds(600))))
                  .status())
          .isEqualTo(400);
      assertThat(
              first
                  .post(
                      "/api/v1/account/totp/confirm",
                      Map.of("otp", Otp.code(secret, clock.instant())))
                  .status())
          .isEqualTo(200);

      Http.Response noCode =
          t.http()
              .post(
                  "/api/v1/session",
                  Map.of("username", TestOffice.USERNAME, "passphrase", TestOffice.PASSPHRASE));
      assertThat(noCode.status()).isEqualTo(401);
      assertThat(noCode.json().get("error").stringValue()).isEqualTo("otp_required");
      Http.Response wrongCode =
          t.http()
              .post(
                  "/api/v1/session",
                  Map.of(
                      "username",
                      TestOffice.USERNAME,
                      "passphrase",
                      TestOffice.PASSPHRASE,
                      "otp",
                      Otp.code(secret, clock.instant().plusSeconds(600))));
      assertThat(wrongCode.status()).isEqualTo(401);
      assertThat(wrongCode.json().get("error").stringValue()).isEqualTo("invalid_credentials");
      Http.Response withCode =
          t.http()
              .post(
                  "/api/v1/session",
                  Map.of(
                      "username",
                      TestOffice.USERNAME,
                      "passphrase",
                      TestOffice.PASSPHRASE,
                      "otp",
                      Otp.code(secret, clock.instant())));
      assertThat(withCode.status()).isEqualTo(200);

      assertThat(first.put("/api/v1/office/settings", Map.of("requireTotp", true)).status())
          .isEqualTo(200);
      Http colleague = t.http().login("colleague", "colleague passphrase");
      Http.Response blocked = colleague.get("/api/v1/cases");
      assertThat(blocked.status()).isEqualTo(403);
      assertThat(blocked.json().get("error").stringValue()).isEqualTo("second_factor_required");
      String hers =
          colleague.post("/api/v1/account/totp", Map.of()).json().get("secret").stringValue();
      assertThat(
              colleague
                  .post(
                      "/api/v1/account/totp/confirm",
                      Map.of("otp", Otp.code(hers, clock.instant())))
                  .status())
          .isEqualTo(200);
      assertThat(colleague.get("/api/v1/cases").status()).isEqualTo(200);
    }
  }

  @Test
  void the_recovery_key_sets_a_new_passphrase_and_a_wrong_one_changes_nothing() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http();
      Map<String, String> wrong =
          Map.of(
              "username",
              TestOffice.USERNAME,
              "recoveryKey",
              otherKey(),
              "newPassphrase",
              "a brand new passphrase");
      assertThat(http.post("/api/v1/recovery", wrong).status()).isEqualTo(401);
      http.login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      Map<String, String> right =
          Map.of(
              "username",
              TestOffice.USERNAME,
              "recoveryKey",
              t.recoveryKey.reveal(),
              "newPassphrase",
              "a brand new passphrase");
      assertThat(t.http().post("/api/v1/recovery", right).status()).isEqualTo(200);
      assertThat(http.get("/api/v1/cases").status())
          .as("sessions of the account end")
          .isEqualTo(401);
      assertThat(
              t.http()
                  .post(
                      "/api/v1/session",
                      Map.of("username", TestOffice.USERNAME, "passphrase", TestOffice.PASSPHRASE))
                  .status())
          .isEqualTo(401);
      t.http().login(TestOffice.USERNAME, "a brand new passphrase");
      assertThat(kinds(t)).contains(AuditKind.RECOVERY_USED, AuditKind.PASSPHRASE_CHANGED);
    }
  }

  private static String otherKey() {
    try (TestOffice other = TestOffice.create()) {
      return other.recoveryKey.reveal();
    }
  }

  static java.util.List<AuditKind> kinds(TestOffice t) {
    java.util.List<AuditKind> kinds = new java.util.ArrayList<>();
    new org.ombuds.store.JdbiAuditStore(t.office.db()).forEachInOrder(e -> kinds.add(e.kind()));
    return kinds;
  }
}
