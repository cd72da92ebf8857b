package org.ombuds.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.integrity.DbaOffice.assertTampered;
import static org.ombuds.integrity.Scenario.disclosures;
import static org.ombuds.integrity.Scenario.ok;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.testing.Http;
import org.ombuds.testing.MutableClock;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/**
 * What one row edited by a database administrator must not do: stop the destruction of every other
 * closed case, hide every other case from the case list, or bring back a consent the visitor
 * withdrew. Each beside its control.
 */
class FailSafeIT {
  private static MutableClock clock() {
    return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  private static String newCase(Http ombuds, String title, String note) {
    String id = Scenario.caseWithJane(ombuds, title)[0];
    ok(ombuds.post("/api/v1/cases/" + id + "/notes", Map.of("text", note)), 201);
    return id;
  }

  private static void close(Http ombuds, String caseId) {
    ok(ombuds.post("/api/v1/cases/" + caseId + "/close", Map.of("outcome", "RESOLVED")), 200);
  }

  private static long rows(DbaOffice o, String table, String caseId) {
    String key = table.equals("case_file") ? "id" : "case_id";
    return o.count("SELECT COUNT(*) FROM " + table + " WHERE " + key + " = ?", caseId);
  }

  private static long skipped(DbaOffice o, String caseId, String outcome) {
    return o.count(
        "SELECT COUNT(*) FROM audit_log WHERE kind = 'DESTRUCTION_SKIPPED' AND subject = ?"
            + " AND outcome = ?",
        caseId,
        outcome);
  }

  private static void assertVerifyNames(DbaOffice o, String table, String key) {
    DbaOffice.Verify v = o.verify();
    assertThat(v.exit()).as(v.all()).isEqualTo(DbaOffice.TAMPERED);
    assertThat(v.all()).as("names the table and the row").contains(table).contains(key);
  }

  // ---------------------------------------------------------------- destruction

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void one_tampered_closed_case_does_not_keep_the_others_from_being_destroyed(String db) {
    MutableClock clock = clock();
    try (DbaOffice o = DbaOffice.create(db, clock)) {
      Http a = o.ombuds();
      ok(a.put("/api/v1/office/settings", Map.of("graceDays", 1)), 200);
      String first = newCase(a, "First", "A note of the first case.");
      String second = newCase(a, "Second", "A note of the second case.");
      close(a, first);
      close(a, second);
      clock.advance(Duration.ofDays(2));
      o.office().cases().destroyDue();
      assertThat(rows(o, "case_file", first) + rows(o, "case_file", second))
          .as("the control: both destroyed")
          .isZero();
      assertThat(rows(o, "note", first) + rows(o, "note", second)).isZero();
      a = o.ombuds(); // two days on: the session has expired

      String edited = newCase(a, "Edited", "A note of the edited case.");
      String other = newCase(a, "Other", "A note of the other case.");
      close(a, edited);
      close(a, other);
      o.dba(1, "UPDATE case_file SET version = version + 7 WHERE id = ?", edited);
      clock.advance(Duration.ofDays(2));
      o.office().cases().destroyDue();
      assertThat(rows(o, "case_file", other)).as("the other case is destroyed").isZero();
      assertThat(rows(o, "note", other)).isZero();
      assertThat(rows(o, "case_file", edited)).as("the edited one stays").isEqualTo(1);
      assertThat(rows(o, "note", edited)).isEqualTo(1);
      assertThat(skipped(o, edited, "tampered:case_file")).as("audited").isEqualTo(1);
      o.office().cases().destroyDue();
      assertThat(skipped(o, edited, "tampered:case_file"))
          .as("once per run of the office, not hourly")
          .isEqualTo(1);
      assertVerifyNames(o, "case_file", edited);
    }
  }

  @Test
  void a_closed_case_edited_to_look_not_due_is_not_silently_left_out() {
    MutableClock clock = clock();
    try (DbaOffice o = DbaOffice.create("sqlite", clock)) {
      Http a = o.ombuds();
      ok(a.put("/api/v1/office/settings", Map.of("graceDays", 1)), 200);
      String edited = newCase(a, "Kept", "A note the DBA wants to keep.");
      String other = newCase(a, "Other", "A note of the other case.");
      close(a, edited);
      close(a, other);
      o.dba(
          1,
          "UPDATE case_file SET destroy_after = destroy_after + ? WHERE id = ?",
          Duration.ofDays(3650).toMillis(),
          edited);
      clock.advance(Duration.ofDays(2));
      o.office().cases().destroyDue();
      assertThat(rows(o, "case_file", other)).isZero();
      assertThat(rows(o, "note", edited)).as("not destroyed: it cannot be verified").isEqualTo(1);
      assertThat(skipped(o, edited, "tampered:case_file"))
          .as("recorded, although its date says it is not due")
          .isEqualTo(1);
      assertThat(skipped(o, other, "tampered:case_file")).as("the control").isZero();
    }
  }

  @Test
  void a_tampered_thread_of_one_due_case_does_not_keep_the_others_from_being_destroyed() {
    MutableClock clock = clock();
    try (DbaOffice o = DbaOffice.create("sqlite", clock)) {
      Http a = o.ombuds();
      ok(a.put("/api/v1/office/settings", Map.of("graceDays", 1)), 200);
      String[] cj = Scenario.caseWithJane(a, "With a thread");
      String withThread = cj[0];
      ok(a.post("/api/v1/cases/" + withThread + "/notes", Map.of("text", "A note.")), 201);
      String thread = Scenario.linkedContact(a, o.http(), withThread, cj[1])[0];
      String other = newCase(a, "Other", "A note of the other case.");
      close(a, withThread);
      close(a, other);
      o.dba(1, "UPDATE portal_thread SET unread = 1 - unread WHERE id = ?", thread);
      clock.advance(Duration.ofDays(2));
      o.office().cases().destroyDue();
      assertThat(rows(o, "case_file", other)).as("the other case is destroyed").isZero();
      assertThat(rows(o, "case_file", withThread)).as("left whole").isEqualTo(1);
      assertThat(rows(o, "note", withThread)).isEqualTo(1);
      assertThat(o.text("SELECT case_id FROM portal_thread WHERE id = ?", thread))
          .as("rolled back: still linked")
          .isEqualTo(withThread);
      assertThat(skipped(o, withThread, "tampered:portal_thread")).isEqualTo(1);
      assertVerifyNames(o, "portal_thread", thread);
    }
  }

  // ---------------------------------------------------------------- the case list

  private static Map<String, JsonNode> listed(Http ombuds, String query) {
    Map<String, JsonNode> byId = new LinkedHashMap<>();
    ok(ombuds.get("/api/v1/cases" + query), 200)
        .json()
        .valueStream()
        .forEach(n -> byId.put(n.get("id").stringValue(), n));
    return byId;
  }

  private static List<String> flagged(Map<String, JsonNode> byId) {
    List<String> out = new ArrayList<>();
    byId.forEach(
        (id, n) -> {
          if (n.path("tampered").asBoolean(false)) {
            out.add(id);
          }
        });
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void one_tampered_case_is_flagged_in_the_list_and_the_others_are_listed(String db) {
    try (DbaOffice o = DbaOffice.create(db, clock())) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      String sound = newCase(a, "Sound case", "A note.");
      String edited = newCase(a, "Edited case", "Another note.");
      String recused = newCase(a, "Recused case", "A third note.");
      ok(a.post("/api/v1/cases/" + recused + "/recuse", Map.of("handOverTo", bea)), 200);
      Map<String, JsonNode> control = listed(a, "");
      assertThat(control.keySet()).containsExactlyInAnyOrder(edited, sound);
      assertThat(flagged(control)).as("the control: nothing flagged").isEmpty();

      byte[] title = (byte[]) o.scalar("SELECT title_enc FROM case_file WHERE id = ?", sound);
      o.dba(1, "UPDATE case_file SET title_enc = ? WHERE id = ?", title, edited);
      o.dba(1, "UPDATE case_file SET status = 'CLOSED' WHERE id = ?", recused);
      a = o.ombuds();
      Http.Response list = ok(a.get("/api/v1/cases"), 200);
      assertThat(list.body()).doesNotContain("Edited case");
      Map<String, JsonNode> byId = listed(a, "");
      assertThat(byId.keySet())
          .as("the sound case as before, then the flagged one; not the one recused from")
          .containsExactly(sound, edited);
      assertThat(byId.get(sound).get("title").stringValue()).isEqualTo("Sound case");
      assertThat(flagged(byId)).containsExactly(edited);
      List<String> fields = new ArrayList<>();
      byId.get(edited).propertyNames().forEach(fields::add);
      assertThat(fields).as("its id, and nothing else of it").containsExactly("id", "tampered");
      assertThat(flagged(listed(a, "?status=CLOSED")))
          .as("whatever the filter: its status is not known")
          .containsExactly(edited);
      assertTampered(a.get("/api/v1/cases/" + edited), "Sound case");
      ok(a.get("/api/v1/cases/" + sound), 200);

      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      assertThat(flagged(listed(b, "")))
          .as("the colleague who handles the recused case is told of it")
          .containsExactlyInAnyOrder(edited, recused);
    }
  }

  // ---------------------------------------------------------------- a withdrawal

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_withdrawal_in_the_portal_stands_when_the_dba_deletes_the_request(String db) {
    MutableClock clock = clock();
    try (DbaOffice o = DbaOffice.create(db, clock)) {
      Http a = o.ombuds();
      String[] cj = Scenario.caseWithJane(a, "Safety concerns");
      String caseId = cj[0];
      String[] linked = Scenario.linkedContact(a, o.http(), caseId, cj[1]);
      String kept = Scenario.draft(a, caseId, Scenario.SAFE_TEXT);
      Scenario.askInPortal(a, caseId, kept);
      String withdrawn = Scenario.draft(a, caseId, "Please remind the group of the rules, kindly.");
      Scenario.askInPortal(a, caseId, withdrawn);
      Http visitor = Scenario.visitor(o.http(), linked[1]);
      ok(visitor.post("/portal/consent-requests/" + kept + "/grant", Map.of()), 201);
      ok(visitor.post("/portal/consent-requests/" + withdrawn + "/grant", Map.of()), 201);
      // The Ombuds' look at each draft applies the grant as a mandate consent.
      ok(a.get(disclosures(caseId) + "/" + kept), 200);
      ok(a.get(disclosures(caseId) + "/" + withdrawn), 200);
      assertThat(o.count("SELECT COUNT(*) FROM consent WHERE revoked_at IS NULL")).isEqualTo(2);

      // The next day, with the office locked (reopened: nobody logged in).
      clock.advance(Duration.ofDays(1).plusHours(3));
      o.stop();
      o.start();
      visitor = Scenario.visitor(o.http(), linked[1]);
      ok(visitor.post("/portal/consent-requests/" + withdrawn + "/revoke", Map.of()), 200);
      Object revokedAt =
          o.scalar("SELECT revoked_at FROM consent WHERE disclosure_id = ?", withdrawn);
      assertThat(revokedAt)
          .as("revoked in the consent's own row, in the visitor's transaction")
          .isNotNull();
      assertThat(((Number) revokedAt).longValue())
          .as("dated to the day, as every step of a visitor")
          .isEqualTo(clock.instant().truncatedTo(ChronoUnit.DAYS).toEpochMilli());
      assertThat(o.scalar("SELECT revoked_at FROM consent WHERE disclosure_id = ?", kept))
          .as("the control")
          .isNull();

      // The DBA deletes both requests: nothing counts them.
      o.dba(2, "DELETE FROM portal_consent WHERE disclosure_id IN (?, ?)", kept, withdrawn);
      a = o.ombuds();
      Http.Response refused = Scenario.release(a, caseId, withdrawn);
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("consent_required");
      assertThat(o.text("SELECT status FROM disclosure WHERE id = ?", withdrawn))
          .isEqualTo("DRAFT");
      ok(Scenario.release(a, caseId, kept), 200);
      DbaOffice.Verify v = o.verify();
      assertThat(v.exit()).as("a deleted request is not a tampered row: " + v.all()).isZero();
    }
  }
}
