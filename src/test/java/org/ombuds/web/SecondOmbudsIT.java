package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.testing.Http;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/**
 * Where the office has more than one active Ombuds, no single one lifts a safeguard alone: the
 * loosening, the hand-over and the new account wait for a second Ombuds (never the one who asked),
 * over the real server; an office with one Ombuds is not held up.
 */
class SecondOmbudsIT {
  private static final String SETTINGS = "/api/v1/office/settings";
  private static final String CHANGES = "/api/v1/office/changes";

  /** A served office, with the JDBC URL of its database for reading the audit log. */
  private record Served(TestOffice t, String url) implements AutoCloseable {
    @Override
    public void close() {
      t.close();
    }
  }

  private static Served serve(String db) {
    Optional<String> pg =
        db.equals("postgres") ? Optional.of(Postgres.newDatabase()) : Optional.empty();
    TestOffice t = TestOffice.create(pg, Clock.systemUTC()).serve();
    return new Served(t, pg.orElse("jdbc:sqlite:" + t.dir.resolve("ombuds.db")));
  }

  /** Two active Ombuds: the first ({@code a}) and the colleague ({@code b}). */
  private record Two(Http a, Http b, String aId, String bId) {}

  private static Two two(TestOffice t) {
    Http a = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    String bId = TestOffice.addColleague(a);
    Http b = t.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
    String aId =
        b.get("/api/v1/accounts")
            .json()
            .valueStream()
            .filter(n -> n.get("username").stringValue().equals(TestOffice.USERNAME))
            .findFirst()
            .orElseThrow()
            .get("id")
            .stringValue();
    return new Two(a, b, aId, bId);
  }

  private static Http.Response confirm(Http who, String changeId) {
    return who.post(CHANGES + "/" + changeId + "/confirm", Map.of());
  }

  private static JsonNode change(Http who, String id) {
    return who.get(CHANGES)
        .json()
        .valueStream()
        .filter(n -> n.get("id").stringValue().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static String pending(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return r.json().get("pending").stringValue();
  }

  private static String createCase(Http http, String title) {
    return http.post(
            "/api/v1/cases",
            Map.of(
                "title",
                title,
                "categories",
                List.of(),
                "workUnit",
                Map.of("name", "U", "size", 9)))
        .json()
        .get("id")
        .stringValue();
  }

  private static List<String> audit(String url) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT kind, actor, subject, outcome FROM audit_log ORDER BY seq")) {
      while (rs.next()) {
        out.add(
            rs.getString(1)
                + " "
                + rs.getString(2)
                + " "
                + rs.getString(3)
                + " "
                + rs.getString(4));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- settings

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void one_ombuds_of_two_cannot_switch_off_the_second_ombuds_rule_alone(String db)
      throws SQLException {
    try (Served s = serve(db)) {
      Two o = two(s.t());
      assertThat(o.a().put(SETTINGS, Map.of("exceptionNeedsSecondOmbuds", true)).status())
          .as("switching the rule on is stricter: at once")
          .isEqualTo(200);

      String id = pending(o.a().put(SETTINGS, Map.of("exceptionNeedsSecondOmbuds", false)));
      assertThat(o.a().get(SETTINGS).json().get("exceptionNeedsSecondOmbuds").booleanValue())
          .as("nothing applied while it waits")
          .isTrue();
      JsonNode listed = change(o.b(), id);
      assertThat(listed.get("status").stringValue()).isEqualTo("PENDING");
      assertThat(listed.get("kind").stringValue()).isEqualTo("SETTINGS");
      assertThat(listed.get("requestedBy").stringValue()).isEqualTo(o.aId());
      assertThat(listed.get("settings").get("exceptionNeedsSecondOmbuds").booleanValue()).isFalse();

      Http.Response own = confirm(o.a(), id);
      assertThat(own.status()).as("the requester confirming their own change").isEqualTo(403);
      assertThat(own.json().get("error").stringValue()).isEqualTo("second_ombuds_required");
      assertThat(o.a().get(SETTINGS).json().get("exceptionNeedsSecondOmbuds").booleanValue())
          .isTrue();

      Http.Response ok = confirm(o.b(), id);
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      assertThat(ok.json().get("status").stringValue()).isEqualTo("APPLIED");
      assertThat(ok.json().get("decidedBy").stringValue()).isEqualTo(o.bId());
      assertThat(o.a().get(SETTINGS).json().get("exceptionNeedsSecondOmbuds").booleanValue())
          .as("a second Ombuds confirmed: applied")
          .isFalse();
      assertThat(confirm(o.b(), id).status()).as("once only").isEqualTo(409);

      assertThat(audit(s.url()))
          .contains(
              "CHANGE_REQUESTED " + o.aId() + " " + id + " settings",
              "CHANGE_CONFIRMED " + o.bId() + " " + id + " settings");
      assertThat(s.t().office.audit().verify().isIntact()).isTrue();
    }
  }

  @Test
  void in_a_one_ombuds_office_loosening_applies_at_once() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      a.put(SETTINGS, Map.of("exceptionNeedsSecondOmbuds", true, "requireTotp", true));
      Http.Response r =
          a.put(
              SETTINGS,
              Map.of("exceptionNeedsSecondOmbuds", false, "requireTotp", false, "graceDays", 30));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("exceptionNeedsSecondOmbuds").booleanValue()).isFalse();
      assertThat(r.json().get("requireTotp").booleanValue()).isFalse();
      assertThat(r.json().get("graceDays").intValue()).isEqualTo(30);
      assertThat(a.put("/api/v1/reports/settings", Map.of("threshold", 3)).status()).isEqualTo(200);
      assertThat(a.get(CHANGES).json().size()).isZero();
    }
  }

  @Test
  void every_loosening_waits_for_a_second_ombuds_and_every_tightening_applies_at_once() {
    try (TestOffice t = TestOffice.create().serve()) {
      Two o = two(t);
      // The second factor: compulsory at once, optional again only with a second Ombuds.
      assertThat(o.a().put(SETTINGS, Map.of("requireTotp", true)).status()).isEqualTo(200);
      String totp = pending(o.a().put(SETTINGS, Map.of("requireTotp", false)));
      assertThat(o.a().get(SETTINGS).json().get("requireTotp").booleanValue()).isTrue();

      // The grace period: longer waits; shorter is at once.
      String grace = pending(o.a().put(SETTINGS, Map.of("graceDays", 30)));
      assertThat(o.a().get(SETTINGS).json().get("graceDays").intValue()).isZero();
      assertThat(confirm(o.b(), grace).status()).isEqualTo(200);
      assertThat(o.a().get(SETTINGS).json().get("graceDays").intValue()).isEqualTo(30);
      assertThat(o.a().put(SETTINGS, Map.of("graceDays", 10)).status()).isEqualTo(200);
      assertThat(o.a().get(SETTINGS).json().get("graceDays").intValue()).isEqualTo(10);

      // The anonymity thresholds: stricter at once; less strict than now (even if still no
      // looser than the defaults) waits.
      Map<String, Object> strict = thresholds(4, 8, 20, 1, 30);
      assertThat(o.a().put(SETTINGS, strict).status()).isEqualTo(200);
      String anon = pending(o.a().put(SETTINGS, thresholds(3, 8, 20, 1, 30)));
      assertThat(
              o.a()
                  .get(SETTINGS)
                  .json()
                  .get("anonymityThresholds")
                  .get("highWhenSetAtMost")
                  .intValue())
          .isEqualTo(4);

      // The report's suppression threshold: higher at once, lower waits.
      assertThat(o.a().put("/api/v1/reports/settings", Map.of("threshold", 7)).status())
          .isEqualTo(200);
      String report = pending(o.a().put("/api/v1/reports/settings", Map.of("threshold", 3)));
      assertThat(o.a().get("/api/v1/reports/settings").json().get("threshold").intValue())
          .isEqualTo(7);

      // Declined by the colleague, cancelled by the requester: nothing applied.
      Http.Response declined = o.b().post(CHANGES + "/" + report + "/decline", Map.of());
      assertThat(declined.json().get("status").stringValue()).isEqualTo("DECLINED");
      Http.Response cancelled = o.a().post(CHANGES + "/" + anon + "/decline", Map.of());
      assertThat(cancelled.json().get("status").stringValue()).isEqualTo("CANCELLED");
      assertThat(confirm(o.b(), report).status()).as("a declined change stays so").isEqualTo(409);
      assertThat(o.a().get("/api/v1/reports/settings").json().get("threshold").intValue())
          .isEqualTo(7);
      assertThat(
              o.a()
                  .get(SETTINGS)
                  .json()
                  .get("anonymityThresholds")
                  .get("highWhenSetAtMost")
                  .intValue())
          .isEqualTo(4);

      assertThat(confirm(o.a(), totp).status()).isEqualTo(403);
      assertThat(confirm(o.b(), totp).status()).isEqualTo(200);
      assertThat(o.a().get(SETTINGS).json().get("requireTotp").booleanValue()).isFalse();
    }
  }

  private static Map<String, Object> thresholds(
      int high, int medium, int small, int rep, int soon) {
    return Map.of(
        "anonymityThresholds",
        Map.of(
            "highWhenSetAtMost",
            high,
            "mediumWhenSetAtMost",
            medium,
            "smallUnitAtMost",
            small,
            "repeatedReleasesAtLeast",
            rep,
            "soonAfterContactDays",
            soon));
  }

  @Test
  void anonymity_thresholds_looser_than_the_defaults_are_refused_even_for_a_lone_ombuds() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      for (Map<String, Object> looser :
          List.of(
              thresholds(1, 5, 10, 1, 14),
              thresholds(2, 4, 10, 1, 14),
              thresholds(2, 5, 9, 1, 14),
              thresholds(2, 5, 10, 2, 14),
              thresholds(2, 5, 10, 1, 13))) {
        Http.Response r = a.put(SETTINGS, looser);
        assertThat(r.status()).as(looser.toString()).isEqualTo(422);
        assertThat(r.json().get("error").stringValue()).isEqualTo("looser_than_default");
        assertThat(r.json().get("message").stringValue()).contains("stricter");
      }
      assertThat(
              a.get(SETTINGS).json().get("anonymityThresholds").get("highWhenSetAtMost").intValue())
          .isEqualTo(2);
      assertThat(a.put(SETTINGS, thresholds(3, 6, 12, 1, 21)).status()).isEqualTo(200);
      assertThat(a.put(SETTINGS, thresholds(2, 5, 10, 1, 14)).status())
          .as("back to the defaults: allowed")
          .isEqualTo(200);
    }
  }

  // ---------------------------------------------------------------- hand-over

  @Test
  void handing_a_colleagues_cases_over_waits_for_a_second_ombuds() {
    try (TestOffice t = TestOffice.create().serve()) {
      Two o = two(t);
      String caseId = createCase(o.b(), "Bea's case");
      String id =
          pending(o.a().post("/api/v1/accounts/" + o.bId() + "/handover", Map.of("to", o.aId())));
      assertThat(o.b().get("/api/v1/cases").status())
          .as("the colleague is not disabled")
          .isEqualTo(200);
      assertThat(o.b().get("/api/v1/cases/" + caseId).json().get("handlerId").stringValue())
          .isEqualTo(o.bId());
      JsonNode listed = change(o.b(), id);
      assertThat(listed.get("kind").stringValue()).isEqualTo("HAND_OVER");
      assertThat(listed.get("account").stringValue()).isEqualTo(o.bId());
      assertThat(listed.get("to").stringValue()).isEqualTo(o.aId());

      assertThat(confirm(o.a(), id).status()).as("the requester alone").isEqualTo(403);
      assertThat(o.b().get("/api/v1/cases").status()).isEqualTo(200);

      assertThat(confirm(o.b(), id).status()).isEqualTo(200);
      assertThat(o.b().get("/api/v1/cases").status()).as("disabled once confirmed").isEqualTo(401);
      assertThat(o.a().get("/api/v1/cases/" + caseId).json().get("handlerId").stringValue())
          .isEqualTo(o.aId());
    }
  }

  @Test
  void a_recused_ombuds_never_becomes_the_handler_through_a_hand_over() {
    try (TestOffice t = TestOffice.create().serve()) {
      Two o = two(t);
      TestOffice.addConfirmed(o.a(), o.b(), "carl", "carl's long passphrase");
      Http c = t.http().login("carl", "carl's long passphrase");
      String conflicted = createCase(c, "Conflict for the first Ombuds");
      String plain = createCase(c, "No conflict");
      String carl = c.get("/api/v1/cases/" + conflicted).json().get("handlerId").stringValue();
      assertThat(
              o.a()
                  .post("/api/v1/cases/" + conflicted + "/recuse", Map.of("handOverTo", o.bId()))
                  .status())
          .isEqualTo(200);
      assertThat(c.get("/api/v1/cases/" + conflicted).json().get("handlerId").stringValue())
          .as("recusing does not take the case from its handler")
          .isEqualTo(carl);

      String id =
          pending(o.b().post("/api/v1/accounts/" + carl + "/handover", Map.of("to", o.aId())));
      assertThat(confirm(c, id).status()).isEqualTo(200);
      assertThat(o.b().get("/api/v1/cases/" + conflicted).json().get("handlerId").stringValue())
          .as("skipped: the receiving Ombuds is recused from it")
          .isEqualTo(carl);
      assertThat(o.b().get("/api/v1/cases/" + plain).json().get("handlerId").stringValue())
          .isEqualTo(o.aId());
      assertThat(o.a().get("/api/v1/cases/" + conflicted).status()).isEqualTo(404);

      // Handed to someone who is not recused, it moves.
      String again =
          pending(o.a().post("/api/v1/accounts/" + carl + "/handover", Map.of("to", o.bId())));
      assertThat(confirm(o.b(), again).status()).isEqualTo(200);
      assertThat(o.b().get("/api/v1/cases/" + conflicted).json().get("handlerId").stringValue())
          .isEqualTo(o.bId());
    }
  }

  // ---------------------------------------------------------------- new accounts

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_sock_puppet_of_a_recused_ombuds_cannot_read_the_case_until_a_colleague_confirms_it(
      String db) throws SQLException {
    try (Served s = serve(db)) {
      TestOffice t = s.t();
      Two o = two(t);
      String caseId = createCase(o.a(), "Conflict of interest");
      assertThat(
              o.a()
                  .post("/api/v1/cases/" + caseId + "/recuse", Map.of("handOverTo", o.bId()))
                  .status())
          .isEqualTo(200);
      assertThat(o.a().get("/api/v1/cases/" + caseId).status()).isEqualTo(404);

      Http.Response made =
          o.a()
              .post(
                  "/api/v1/accounts",
                  Map.of("username", "sock", "passphrase", "a sock puppet passphrase"));
      assertThat(made.status()).as(made.body()).isEqualTo(201);
      assertThat(made.json().get("active").booleanValue()).isFalse();
      String sockId = made.json().get("id").stringValue();
      String id = made.json().get("pending").stringValue();
      assertThat(login(t, "sock", "a sock puppet passphrase").status())
          .as("cannot log in until confirmed")
          .isEqualTo(401);
      assertThat(confirm(o.a(), id).status()).as("its creator cannot confirm it").isEqualTo(403);
      assertThat(login(t, "sock", "a sock puppet passphrase").status()).isEqualTo(401);
      assertThat(change(o.b(), id).get("account").stringValue()).isEqualTo(sockId);
      assertThat(audit(s.url()))
          .contains(
              "RECUSALS_INHERITED " + o.aId() + " " + sockId + " 1",
              "CHANGE_REQUESTED " + o.aId() + " " + id + " new-account");

      assertThat(confirm(o.b(), id).status()).isEqualTo(200);
      Http sock = t.http().login("sock", "a sock puppet passphrase");
      assertThat(sock.get("/api/v1/cases/" + caseId).status())
          .as("a colleague vouched for the account: its inherited recusal is lifted")
          .isEqualTo(200);
      assertThat(o.a().get("/api/v1/cases/" + caseId).status())
          .as("its creator stays recused")
          .isEqualTo(404);
    }
  }

  @Test
  void in_a_one_ombuds_office_a_new_account_logs_in_at_once_but_keeps_its_creators_recusals() {
    try (TestOffice t = TestOffice.create().serve()) {
      Two o = two(t);
      String conflicted = createCase(o.a(), "Conflict of interest");
      String plain = createCase(o.a(), "No conflict");
      o.a().post("/api/v1/cases/" + conflicted + "/recuse", Map.of("handOverTo", o.bId()));
      // The colleague leaves: the first Ombuds is alone again.
      String leave =
          pending(o.a().post("/api/v1/accounts/" + o.bId() + "/handover", Map.of("to", o.aId())));
      assertThat(confirm(o.b(), leave).status()).isEqualTo(200);

      Http.Response made =
          o.a()
              .post(
                  "/api/v1/accounts",
                  Map.of("username", "sock", "passphrase", "a sock puppet passphrase"));
      assertThat(made.status()).isEqualTo(201);
      assertThat(made.json().get("active").booleanValue()).isTrue();
      assertThat(made.json().has("pending")).as("a later Ombuds can still confirm it").isTrue();
      Http sock = t.http().login("sock", "a sock puppet passphrase");
      assertThat(sock.get("/api/v1/cases/" + conflicted).status())
          .as("inherited recusal")
          .isEqualTo(404);
      assertThat(sock.get("/api/v1/cases/" + plain).status()).isEqualTo(200);
      assertThat(
              sock.post(
                      CHANGES + "/" + made.json().get("pending").stringValue() + "/confirm",
                      Map.of())
                  .status())
          .as("an account cannot confirm itself")
          .isEqualTo(403);
      assertThat(sock.get("/api/v1/cases/" + conflicted).status()).isEqualTo(404);
    }
  }

  @Test
  void a_new_account_of_a_one_ombuds_office_without_recusals_needs_nothing() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      TestOffice.addColleague(a);
      assertThat(a.get(CHANGES).json().size()).isZero();
      t.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
    }
  }

  private static Http.Response login(TestOffice t, String user, String pass) {
    return t.http().post("/api/v1/session", Map.of("username", user, "passphrase", pass));
  }

  // ---------------------------------------------------------------- pages

  @Test
  void the_dashboard_shows_every_ombuds_the_pending_change_with_confirm_and_decline_forms() {
    try (TestOffice t = TestOffice.create().serve()) {
      Two o = two(t);
      String id = pending(o.a().put(SETTINGS, Map.of("graceDays", 45)));
      String aCookie = formLogin(t, TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String bCookie = formLogin(t, TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);

      String mine = t.http().getWithCookies("/dashboard", aCookie).body();
      assertThat(mine)
          .contains("Changes waiting for a second Ombuds")
          .contains("45 days")
          .contains("Another Ombuds must confirm this.")
          .doesNotContain("/changes/" + id + "/confirm");
      Http.Response ownConfirm =
          t.http().postForm("/changes/" + id + "/confirm", Map.of("_csrf", csrf(mine)), aCookie);
      assertThat(ownConfirm.status()).isEqualTo(403);

      String theirs = t.http().getWithCookies("/dashboard", bCookie).body();
      assertThat(theirs)
          .contains("/changes/" + id + "/confirm")
          .contains("/changes/" + id + "/decline");
      assertThat(
              t.http()
                  .postForm("/changes/" + id + "/confirm", Map.of("_csrf", "forged"), bCookie)
                  .status())
          .as("a form without the session's CSRF token")
          .isEqualTo(403);
      assertThat(o.a().get(SETTINGS).json().get("graceDays").intValue()).isZero();
      Http.Response ok =
          t.http().postForm("/changes/" + id + "/confirm", Map.of("_csrf", csrf(theirs)), bCookie);
      assertThat(ok.status()).isEqualTo(303);
      assertThat(o.a().get(SETTINGS).json().get("graceDays").intValue()).isEqualTo(45);

      o.b().put("/api/v1/account/language", Map.of("language", "fr"));
      assertThat(t.http().getWithCookies("/dashboard", bCookie).body())
          .contains("Décidés récemment")
          .contains("45 jours");
    }
  }

  @Test
  void the_dashboard_shows_a_change_altered_in_the_database_without_its_content_or_forms()
      throws SQLException {
    try (TestOffice t = TestOffice.create().serve()) {
      Two o = two(t);
      String sound = pending(o.a().put(SETTINGS, Map.of("graceDays", 45)));
      String edited = pending(o.a().put(SETTINGS, Map.of("graceDays", 60)));
      String bCookie = formLogin(t, TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String before = t.http().getWithCookies("/dashboard", bCookie).body();
      assertThat(before)
          .as("the control: both listed with their forms")
          .contains("60 days")
          .contains("/changes/" + edited + "/confirm")
          .doesNotContain("A change that cannot be verified");

      // A DBA edits the pending change while the office runs.
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("ombuds.db"));
          Statement st = c.createStatement()) {
        assertThat(
                st.executeUpdate(
                    "UPDATE office_change SET settings = 'graceDays=90' WHERE id = '"
                        + edited
                        + "'"))
            .isEqualTo(1);
      }
      String page = t.http().getWithCookies("/dashboard", bCookie).body();
      assertThat(page)
          .contains("45 days")
          .contains("/changes/" + sound + "/confirm")
          .contains("A change that cannot be verified")
          .contains("ombuds audit verify")
          .doesNotContain("90 days")
          .doesNotContain("60 days")
          .doesNotContain("/changes/" + edited + "/");
      Http.Response confirm =
          t.http()
              .postForm("/changes/" + edited + "/confirm", Map.of("_csrf", csrf(page)), bCookie);
      assertThat(confirm.status()).as("refused: the row does not verify").isEqualTo(409);
      assertThat(confirm.body()).doesNotContain("90 days");
      assertThat(o.a().get(SETTINGS).json().get("graceDays").intValue()).isZero();

      o.b().put("/api/v1/account/language", Map.of("language", "fr"));
      assertThat(t.http().getWithCookies("/dashboard", bCookie).body())
          .contains("Un changement qui ne peut pas être vérifié");
    }
  }

  private static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String formLogin(TestOffice t, String user, String pass) {
    Http http = t.http();
    Http.Response form = http.get("/login");
    String pre = form.cookie(Auth.PRE_COOKIE);
    Http.Response r =
        http.postForm(
            "/login",
            Map.of("username", user, "passphrase", pass, "_csrf", csrf(form.body())),
            Auth.PRE_COOKIE + "=" + pre);
    assertThat(r.status()).isEqualTo(303);
    return Auth.SESSION_COOKIE + "=" + r.cookie(Auth.SESSION_COOKIE);
  }
}
