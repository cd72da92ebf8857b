package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.AuditEntry;
import org.ombuds.audit.AuditKind;
import org.ombuds.store.JdbiAuditStore;
import org.ombuds.testing.Http;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.TestOffice;

/**
 * The audit log dates what visitors do to the day and names no alert or thread for it: with the
 * database and a log of the portal's connections, no visit can be tied to a case through it.
 */
class VisitorAuditDatesIT {
  private static final Set<AuditKind> VISITOR_STEPS =
      EnumSet.of(
          AuditKind.PORTAL_CONTACTED,
          AuditKind.PORTAL_SESSION_OPENED,
          AuditKind.PORTAL_SESSION_REFUSED,
          AuditKind.PORTAL_MESSAGE_SENT,
          AuditKind.PORTAL_RETALIATION_REPORTED,
          AuditKind.PORTAL_CONSENT_GRANTED,
          AuditKind.PORTAL_CONSENT_REVOKED,
          AuditKind.PORTAL_ALERT_RAISED);

  @Test
  void visitor_steps_are_dated_to_the_day_name_no_alert_or_thread_and_the_log_verifies() {
    try (TestOffice t = TestOffice.create().serve()) {
      check(t);
    }
  }

  @Test
  void the_same_on_postgresql() {
    try (TestOffice t =
        TestOffice.create(Optional.of(Postgres.newDatabase()), Clock.systemUTC()).serve()) {
      check(t);
    }
  }

  private static void check(TestOffice t) {
    Ids ids = visitorActivity(t);
    List<AuditEntry> entries = new ArrayList<>();
    new JdbiAuditStore(t.office.db()).forEachInOrder(entries::add);

    Set<AuditKind> seen = EnumSet.noneOf(AuditKind.class);
    for (AuditEntry e : entries) {
      if (VISITOR_STEPS.contains(e.kind())) {
        seen.add(e.kind());
        assertThat(e.at()).as(e.toString()).isEqualTo(e.at().truncatedTo(ChronoUnit.DAYS));
        for (String field : List.of(e.actor(), e.subject(), e.outcome())) {
          assertThat(field).as(e.toString()).doesNotContain("alert:").doesNotContain(ids.thread);
          for (String alert : ids.alerts) {
            assertThat(field).as(e.toString()).doesNotContain(alert);
          }
        }
      }
      assertThat(e.kind())
          .as("no alert raised by a visitor names its alert")
          .isNotEqualTo(AuditKind.ALERT_RAISED);
    }
    // (A refused session is dated the same way; a well-formed wrong receipt is hard to make here.)
    assertThat(seen)
        .as("every visitor step was logged")
        .isEqualTo(
            EnumSet.copyOf(
                VISITOR_STEPS.stream()
                    .filter(k -> k != AuditKind.PORTAL_SESSION_REFUSED)
                    .toList()));
    assertThat(ids.alerts).as("the visitor's steps raised alerts").isNotEmpty();
    // Control: the Ombuds' own steps keep their time to the millisecond.
    assertThat(entries)
        .filteredOn(e -> e.kind() == AuditKind.PORTAL_REPLIED)
        .singleElement()
        .satisfies(e -> assertThat(e.at()).isAfter(Instant.now().truncatedTo(ChronoUnit.DAYS)));
    assertThat(t.office.audit().verify().isIntact()).isTrue();
  }

  private record Ids(String thread, List<String> alerts) {}

  private static Ids visitorActivity(TestOffice t) {
    Http anyone = t.http();
    String receipt =
        anyone
            .post("/portal/contact", Map.of("message", "Something happened", "name", "A"))
            .json()
            .get("receipt")
            .stringValue();
    Http ombuds = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    String thread = ombuds.get("/api/v1/portal/threads").json().get(0).get("id").stringValue();
    ombuds.post("/api/v1/portal/threads/" + thread + "/replies", Map.of("text", "Our reply"));
    String caseId =
        ombuds
            .post(
                "/api/v1/cases",
                Map.of(
                    "title", "Dates",
                    "categories", List.of("1a"),
                    "workUnit", Map.of("name", "Floor", "size", 30)))
            .json()
            .get("id")
            .stringValue();
    String person =
        ombuds
            .post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "V"))
            .json()
            .get("id")
            .stringValue();
    ombuds.post(
        "/api/v1/portal/threads/" + thread + "/link", Map.of("caseId", caseId, "personId", person));
    String d =
        ombuds
            .post(
                "/api/v1/cases/" + caseId + "/disclosures",
                Map.of(
                    "recipient", "Floor manager",
                    "identity", "ANONYMOUS",
                    "channel", "meeting",
                    "text", "Please remind the floor of the rules."))
            .json()
            .get("id")
            .stringValue();
    ombuds.post("/api/v1/cases/" + caseId + "/disclosures/" + d + "/portal-consent", Map.of());
    assertThat(
            anyone.post("/portal/session", Map.of("receipt", "0000-0000-0000-0000-00000")).status())
        .isNotEqualTo(200);
    String token =
        anyone
            .post("/portal/session", Map.of("receipt", receipt))
            .json()
            .get("token")
            .stringValue();
    Http visitor = t.http().withToken(token);
    assertThat(visitor.post("/portal/messages", Map.of("text", "more")).status()).isLessThan(300);
    assertThat(visitor.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
        .isLessThan(300);
    assertThat(visitor.post("/portal/consent-requests/" + d + "/revoke", Map.of()).status())
        .isLessThan(300);
    assertThat(visitor.post("/portal/retaliation", Map.of("text", "they retaliate")).status())
        .isLessThan(300);
    List<String> alerts = new ArrayList<>();
    t.office
        .alerts()
        .open(t.office.accounts().accounts().get(0).id())
        .forEach(a -> alerts.add(a.id()));
    return new Ids(thread, alerts);
  }
}
