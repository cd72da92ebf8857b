package org.ombuds.retaliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
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
      assertThat(kinds(t)).contains(AuditKind.ALERT_RAISED);
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
}
