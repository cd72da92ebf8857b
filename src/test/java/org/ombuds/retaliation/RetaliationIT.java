package org.ombuds.retaliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.AuditKind;
import org.ombuds.store.JdbiAuditStore;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/** Alerts and retaliation watches over HTTP, against a real server. */
class RetaliationIT {

  static Http login(TestOffice t) {
    return t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
  }

  static String newCase(Http http) {
    return http.post(
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
  }

  static List<AuditKind> kinds(TestOffice t) {
    List<AuditKind> kinds = new java.util.ArrayList<>();
    new JdbiAuditStore(t.office.db()).forEachInOrder(e -> kinds.add(e.kind()));
    return kinds;
  }

  @Test
  void an_alert_raised_while_the_office_is_locked_is_listed_after_login() {
    try (TestOffice t = TestOffice.create(Optional.empty(), Clock.systemUTC()).serve()) {
      assertThat(t.office.sessions().keys()).as("nobody logged in: locked").isEmpty();
      String id = t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.empty());

      assertThat(t.http().get("/api/v1/alerts").status()).isEqualTo(401);
      JsonNode alerts = login(t).get("/api/v1/alerts").json();
      assertThat(alerts).hasSize(1);
      JsonNode a = alerts.get(0);
      assertThat(a.get("id").stringValue()).isEqualTo(id);
      assertThat(a.get("kind").stringValue()).isEqualTo("RETALIATION_REPORTED");
      assertThat(a.get("urgent").booleanValue()).isTrue();
      assertThat(a.get("caseId").isNull()).isTrue();
      assertThat(a.has("raisedOn")).isTrue();
      // Raised by a visitor's kind of step: dated to the day, naming no alert.
      assertThat(kinds(t)).contains(AuditKind.PORTAL_ALERT_RAISED);
    }
  }

  @Test
  void alerts_are_listed_newest_first_with_their_urgency_and_case() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = login(t);
      String caseId = newCase(http);
      String first = t.office.alerts().raise(AlertKind.PORTAL_MESSAGE, false, Optional.of(caseId));
      String second =
          t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.of(caseId));
      String third = t.office.alerts().raise(AlertKind.CHECK_IN_DUE, false, Optional.empty());

      Http.Response r = http.get("/api/v1/alerts");
      assertThat(r.status()).isEqualTo(200);
      JsonNode alerts = r.json();
      assertThat(alerts.values().stream().map(a -> a.get("id").stringValue()).toList())
          .containsExactly(third, second, first);
      assertThat(alerts.get(1).get("urgent").booleanValue()).isTrue();
      assertThat(alerts.get(1).get("caseId").stringValue()).isEqualTo(caseId);
      assertThat(alerts.get(0).get("urgent").booleanValue()).isFalse();
      assertThat(alerts.get(2).get("kind").stringValue()).isEqualTo("PORTAL_MESSAGE");
    }
  }

  @Test
  void acknowledging_removes_the_alert_from_the_open_list_and_is_audited() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = login(t);
      String keep = t.office.alerts().raise(AlertKind.PORTAL_MESSAGE, false, Optional.empty());
      String ack = t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.empty());

      Http.Response r = http.post("/api/v1/alerts/" + ack + "/acknowledge", Map.of());
      assertThat(r.status()).isEqualTo(200);
      assertThat(
              http.get("/api/v1/alerts").json().values().stream()
                  .map(a -> a.get("id").stringValue())
                  .toList())
          .containsExactly(keep);
      assertThat(kinds(t)).contains(AuditKind.ALERT_ACKNOWLEDGED);

      Http.Response again = http.post("/api/v1/alerts/" + ack + "/acknowledge", Map.of());
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().get("error").stringValue()).isEqualTo("already_acknowledged");
      Http.Response unknown =
          http.post("/api/v1/alerts/00000000-0000-4000-8000-000000000000/acknowledge", Map.of());
      assertThat(unknown.status()).isEqualTo(404);
      assertThat(http.post("/api/v1/alerts/not-an-id/acknowledge", Map.of()).status())
          .isEqualTo(404);
      assertThat(t.http().post("/api/v1/alerts/" + keep + "/acknowledge", Map.of()).status())
          .isEqualTo(401);
      assertThat(kinds(t).stream().filter(k -> k == AuditKind.ALERT_ACKNOWLEDGED)).hasSize(1);
    }
  }

  @Test
  void an_alert_naming_a_case_that_no_longer_exists_is_kept_without_the_case() {
    try (TestOffice t = TestOffice.create().serve()) {
      String id =
          t.office
              .alerts()
              .raise(
                  AlertKind.RETALIATION_REPORTED,
                  true,
                  Optional.of("00000000-0000-4000-8000-000000000001"));
      JsonNode a = login(t).get("/api/v1/alerts").json().get(0);
      assertThat(a.get("id").stringValue()).isEqualTo(id);
      assertThat(a.get("caseId").isNull()).isTrue();
    }
  }

  static String person(Http http, String caseId, String role, String name) {
    return http.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", role, "name", name))
        .json()
        .get("id")
        .stringValue();
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  private static Map<String, Object> watch(String personId, LocalDate until, LocalDate... days) {
    return Map.of(
        "personId",
        personId,
        "until",
        until.toString(),
        "checkIns",
        Arrays.stream(days).map(LocalDate::toString).toList());
  }

  @Test
  void a_watch_is_agreed_with_a_person_of_the_case_and_answers_201_with_its_check_ins() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = login(t);
      String caseId = newCase(http);
      String jane = person(http, caseId, "VISITOR", "Jane Doe");
      LocalDate until = today().plusDays(60);
      Http.Response r =
          http.post(
              "/api/v1/cases/" + caseId + "/retaliation-watch",
              watch(jane, until, today().plusDays(14), today().plusDays(7)));
      assertThat(r.status()).isEqualTo(201);
      JsonNode w = r.json();
      String id = w.get("id").stringValue();
      assertThat(id).isNotBlank();
      assertThat(w.get("caseId").stringValue()).isEqualTo(caseId);
      assertThat(w.get("personId").stringValue()).isEqualTo(jane);
      assertThat(w.get("until").stringValue()).isEqualTo(until.toString());
      assertThat(w.get("active").booleanValue()).isTrue();
      assertThat(w.get("checkIns").values().stream().map(c -> c.get("date").stringValue()))
          .containsExactly(today().plusDays(7).toString(), today().plusDays(14).toString());
      assertThat(w.get("checkIns").get(0).get("done").booleanValue()).isFalse();

      JsonNode list = http.get("/api/v1/cases/" + caseId + "/retaliation-watch").json();
      assertThat(list).hasSize(1);
      assertThat(list.get(0).get("id").stringValue()).isEqualTo(id);
      assertThat(http.get("/api/v1/retaliation-watches").json()).hasSize(1);
      assertThat(http.get("/api/v1/retaliation-watches/" + id).status()).isEqualTo(200);
      assertThat(kinds(t)).contains(AuditKind.WATCH_AGREED);

      String day = today().plusDays(7).toString();
      Http.Response done =
          http.post("/api/v1/retaliation-watches/" + id + "/check-ins/" + day + "/done", Map.of());
      assertThat(done.status()).isEqualTo(200);
      assertThat(done.json().get("checkIns").get(0).get("done").booleanValue()).isTrue();
      assertThat(done.json().get("checkIns").get(0).get("doneOn").stringValue())
          .isEqualTo(today().toString());
      Http.Response twice =
          http.post("/api/v1/retaliation-watches/" + id + "/check-ins/" + day + "/done", Map.of());
      assertThat(twice.status()).isEqualTo(409);
      assertThat(
              http.post(
                      "/api/v1/retaliation-watches/"
                          + id
                          + "/check-ins/"
                          + today().plusDays(8)
                          + "/done",
                      Map.of())
                  .status())
          .as("no check-in that day")
          .isEqualTo(404);
      assertThat(kinds(t)).contains(AuditKind.CHECK_IN_DONE);

      Http.Response end = http.post("/api/v1/retaliation-watches/" + id + "/end", Map.of());
      assertThat(end.status()).isEqualTo(200);
      assertThat(end.json().get("active").booleanValue()).isFalse();
      assertThat(end.json().get("endedOn").stringValue()).isEqualTo(today().toString());
      assertThat(http.post("/api/v1/retaliation-watches/" + id + "/end", Map.of()).status())
          .isEqualTo(409);
      assertThat(http.get("/api/v1/retaliation-watches").json()).isEmpty();
      assertThat(kinds(t)).contains(AuditKind.WATCH_ENDED);
    }
  }

  @Test
  void bad_watches_are_refused_with_clear_400s_and_nothing_is_stored() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = login(t);
      String caseId = newCase(http);
      String jane = person(http, caseId, "VISITOR", "Jane Doe");
      String other = newCase(http);
      String stranger = person(http, other, "VISITOR", "Someone Else");
      String path = "/api/v1/cases/" + caseId + "/retaliation-watch";
      LocalDate until = today().plusDays(30);

      Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
      bad.put("person of another case", watch(stranger, until, today().plusDays(3)));
      bad.put("until in the past", watch(jane, today().minusDays(1)));
      bad.put("until today", watch(jane, today()));
      bad.put("check-in after until", watch(jane, until, until.plusDays(1)));
      bad.put("check-in in the past", watch(jane, until, today().minusDays(2)));
      bad.put(
          "not a date",
          Map.of("personId", jane, "until", until.toString(), "checkIns", List.of("next week")));
      bad.put("until not a date", Map.of("personId", jane, "until", "soon"));
      bad.put("no until", Map.of("personId", jane));
      bad.put("no person", Map.of("until", until.toString()));
      LocalDate[] many = new LocalDate[21];
      for (int i = 0; i < many.length; i++) {
        many[i] = today().plusDays(i + 1);
      }
      bad.put("21 check-ins", watch(jane, until, many));
      for (var e : bad.entrySet()) {
        Http.Response r = http.post(path, e.getValue());
        assertThat(r.status()).as(e.getKey()).isEqualTo(400);
        assertThat(r.json().get("error").stringValue()).as(e.getKey()).isNotBlank();
        assertThat(r.json().get("message").stringValue()).as(e.getKey()).isNotBlank();
      }
      assertThat(http.get(path).json()).isEmpty();
      assertThat(
              http.post(
                      "/api/v1/cases/00000000-0000-4000-8000-000000000000/retaliation-watch",
                      watch(jane, until))
                  .status())
          .isEqualTo(404);
      assertThat(t.http().post(path, watch(jane, until)).status()).isEqualTo(401);
    }
  }

  @Test
  void the_watch_outlives_the_destroyed_case_keeping_its_days_and_nothing_of_the_case() {
    try (TestOffice t = TestOffice.create().serve()) {
      outlives(t);
    }
  }

  @Test
  void the_watch_outlives_the_destroyed_case_on_postgresql_too() {
    try (TestOffice t =
        TestOffice.create(Optional.of(org.ombuds.testing.Postgres.newDatabase()), Clock.systemUTC())
            .serve()) {
      outlives(t);
    }
  }

  private static void outlives(TestOffice t) {
    {
      Http http = login(t);
      String caseId = newCase(http);
      String jane = person(http, caseId, "VISITOR", "Jane Doe");
      LocalDate until = today().plusDays(40);
      String id =
          http.post(
                  "/api/v1/cases/" + caseId + "/retaliation-watch",
                  watch(jane, until, today(), today().plusDays(20)))
              .json()
              .get("id")
              .stringValue();
      http.post("/api/v1/retaliation-watches/" + id + "/check-ins/" + today() + "/done", Map.of());
      String alert =
          t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.of(caseId));
      assertThat(http.get("/api/v1/alerts").json().get(0).get("caseId").stringValue())
          .isEqualTo(caseId);

      // The office's default grace period is 0 days: closing destroys the case at once.
      Http.Response closed =
          http.post("/api/v1/cases/" + caseId + "/close", Map.of("outcome", "RESOLVED"));
      assertThat(closed.status()).as(closed.body()).isEqualTo(200);
      assertThat(http.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);
      assertThat(kinds(t)).contains(AuditKind.CASE_DESTROYED);

      JsonNode w = http.get("/api/v1/retaliation-watches/" + id).json();
      assertThat(w.get("id").stringValue()).isEqualTo(id);
      assertThat(w.get("caseId").isNull()).isTrue();
      assertThat(w.get("personId").isNull()).isTrue();
      assertThat(w.get("until").stringValue()).isEqualTo(until.toString());
      assertThat(w.get("checkIns").values().stream().map(c -> c.get("date").stringValue()))
          .containsExactly(today().toString(), today().plusDays(20).toString());
      assertThat(w.get("checkIns").get(0).get("done").booleanValue()).isTrue();
      assertThat(w.get("checkIns").get(1).get("done").booleanValue()).isFalse();
      assertThat(http.get("/api/v1/retaliation-watches").json().get(0).get("id").stringValue())
          .isEqualTo(id);

      JsonNode a = http.get("/api/v1/alerts").json().get(0);
      assertThat(a.get("id").stringValue()).isEqualTo(alert);
      assertThat(a.get("caseId").isNull()).isTrue();
    }
  }

  @Test
  void a_recused_ombuds_sees_neither_the_alerts_nor_the_watches_of_the_case() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = login(t);
      String bId = TestOffice.addColleague(a);
      Http b = t.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String caseId = newCase(a);
      String jane = person(a, caseId, "VISITOR", "Jane Doe");
      String watchId =
          a.post(
                  "/api/v1/cases/" + caseId + "/retaliation-watch",
                  watch(jane, today().plusDays(30), today().plusDays(5)))
              .json()
              .get("id")
              .stringValue();
      String alert =
          t.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.of(caseId));
      String other = t.office.alerts().raise(AlertKind.PORTAL_MESSAGE, false, Optional.empty());
      assertThat(a.post("/api/v1/cases/" + caseId + "/recuse", Map.of("handOverTo", bId)).status())
          .isEqualTo(200);

      assertThat(
              a.get("/api/v1/alerts").json().values().stream()
                  .map(x -> x.get("id").stringValue())
                  .toList())
          .containsExactly(other);
      assertThat(a.post("/api/v1/alerts/" + alert + "/acknowledge", Map.of()).status())
          .isEqualTo(404);
      assertThat(a.get("/api/v1/retaliation-watches/" + watchId).status()).isEqualTo(404);
      assertThat(a.get("/api/v1/retaliation-watches").json()).isEmpty();
      assertThat(a.get("/api/v1/cases/" + caseId + "/retaliation-watch").status()).isEqualTo(404);
      assertThat(a.post("/api/v1/retaliation-watches/" + watchId + "/end", Map.of()).status())
          .isEqualTo(404);

      assertThat(
              b.get("/api/v1/alerts").json().values().stream()
                  .map(x -> x.get("id").stringValue())
                  .toList())
          .containsExactly(other, alert);
      assertThat(b.get("/api/v1/retaliation-watches/" + watchId).status()).isEqualTo(200);
      assertThat(b.post("/api/v1/alerts/" + alert + "/acknowledge", Map.of()).status())
          .isEqualTo(200);
    }
  }
}
