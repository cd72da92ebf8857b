package org.ombuds.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.integrity.DbaOffice.assertTampered;
import static org.ombuds.integrity.Scenario.disclosures;
import static org.ombuds.integrity.Scenario.ok;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.testing.Http;
import org.ombuds.testing.MutableClock;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/**
 * What a database administrator would gain by editing the tagged rows, each beside its control (the
 * same flow without the edit): the office refuses with 409 {@code tampered}, releases, seals and
 * lets in nothing, and a legitimate write never makes a DBA's edit look legitimate.
 */
class DbaAttacksIT {
  private static MutableClock clock() {
    return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  private static String status(DbaOffice o, String disclosure) {
    return o.text("SELECT status FROM disclosure WHERE id = ?", disclosure);
  }

  private static void assertVerifyTampered(DbaOffice o) {
    DbaOffice.Verify v = o.verify();
    assertThat(v.exit()).as(v.all()).isEqualTo(DbaOffice.TAMPERED);
  }

  // ---------------------------------------------------------------- a. the office's public key

  @Test
  void a_visitors_message_is_not_sealed_to_a_public_key_the_dba_put_in() {
    try (DbaOffice o = DbaOffice.sqlite();
        DbaOffice other = DbaOffice.sqlite()) {
      Scenario.contact(o.http(), "The control: sealed to the office's own key.");
      byte[] ours = (byte[]) o.scalar("SELECT public_keyset FROM office");
      byte[] theirs = (byte[]) other.scalar("SELECT public_keyset FROM office");
      assertThat(theirs).isNotEqualTo(ours);
      long threads = o.count("SELECT COUNT(*) FROM portal_thread");

      o.dba(1, "UPDATE office SET public_keyset = ?", theirs);
      Http.Response r =
          o.http().post("/portal/contact", Map.of("message", "My manager threatens me."));
      assertTampered(r, "threatens");
      assertThat(o.count("SELECT COUNT(*) FROM portal_thread"))
          .as("nothing accepted")
          .isEqualTo(threads);

      o.dba(1, "UPDATE office SET public_keyset = ?", ours);
      assertThat(o.http().post("/portal/contact", Map.of("message", "Again.")).status())
          .as("the office's own key back")
          .isEqualTo(201);
    }
  }

  // ---------------------------------------------------------------- b. a thread's public key

  @Test
  void a_reply_is_not_sealed_to_another_threads_key_and_the_inbox_flags_the_thread() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      Scenario.contact(o.http(), "First visitor.");
      Scenario.contact(o.http(), "Second visitor.");
      Scenario.contact(o.http(), "Third visitor.");
      List<String> threads = Scenario.unlinkedThreads(a);
      assertThat(threads).hasSize(3);
      String victim = threads.get(0);
      String other = threads.get(1);
      ok(
          a.post(
              "/api/v1/portal/threads/" + victim + "/replies",
              Map.of("text", "The control: a reply to the visitor.")),
          201);
      byte[] otherKey =
          (byte[]) o.scalar("SELECT public_keyset FROM portal_thread WHERE id = ?", other);

      o.dba(1, "UPDATE portal_thread SET public_keyset = ? WHERE id = ?", otherKey, victim);
      a = o.ombuds();
      assertTampered(
          a.post(
              "/api/v1/portal/threads/" + victim + "/replies",
              Map.of("text", "Sealed to the wrong visitor?")),
          "wrong visitor");
      Http.Response inbox = ok(a.get("/api/v1/portal/threads"), 200);
      Map<String, JsonNode> byId = new LinkedHashMap<>();
      inbox.json().valueStream().forEach(n -> byId.put(n.get("id").stringValue(), n));
      assertThat(byId.keySet()).as("the other threads still listed").containsAll(threads);
      assertThat(byId.get(victim).path("tampered").asBoolean(false))
          .as("the thread is flagged: " + byId.get(victim))
          .isTrue();
      assertThat(byId.get(other).path("tampered").asBoolean(false)).isFalse();
      assertTampered(a.get("/api/v1/portal/threads/" + victim), "Sealed");
      assertThat(a.get("/api/v1/portal/threads/" + other).status())
          .as("the other thread reads")
          .isEqualTo(200);
    }
  }

  // ---------------------------------------------------------------- c. a grant the visitor never
  // gave

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_portal_consent_set_granted_by_the_dba_releases_nothing(String db) {
    try (DbaOffice o = DbaOffice.create(db, clock())) {
      Http a = o.ombuds();
      String[] cj = Scenario.caseWithJane(a, "Safety concerns");
      String caseId = cj[0];
      String[] linked = Scenario.linkedContact(a, o.http(), caseId, cj[1]);
      String control = Scenario.draft(a, caseId, Scenario.SAFE_TEXT);
      Scenario.askInPortal(a, caseId, control);
      String attacked = Scenario.draft(a, caseId, "Please remind the group of the rules, kindly.");
      Scenario.askInPortal(a, caseId, attacked);
      Http visitor = Scenario.visitor(o.http(), linked[1]);
      ok(visitor.post("/portal/consent-requests/" + control + "/grant", Map.of()), 201);
      ok(Scenario.release(a, caseId, control), 200);

      o.dba(1, "UPDATE portal_consent SET status = 'GRANTED' WHERE disclosure_id = ?", attacked);
      a = o.ombuds();
      assertTampered(Scenario.release(a, caseId, attacked), "remind");
      assertThat(status(o, attacked)).as("nothing released").isEqualTo("DRAFT");
      assertVerifyTampered(o);
    }
  }

  // ---------------------------------------------------------------- d. the second factor

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_second_factor_removed_by_the_dba_lets_nobody_in(String db) {
    MutableClock clock = clock();
    try (DbaOffice o = DbaOffice.create(db, clock)) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String secret = Scenario.enrolTotp(b, clock);
      Http.Response noCode =
          o.login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE, Optional.empty());
      assertThat(noCode.status()).as(noCode.body()).isEqualTo(401);
      assertThat(noCode.json().get("error").stringValue()).isEqualTo("otp_required");
      clock.advance(Duration.ofSeconds(30));
      ok(
          o.login(
              TestOffice.COLLEAGUE,
              TestOffice.COLLEAGUE_PASSPHRASE,
              Optional.of(Otp.code(secret, clock.instant()))),
          200);

      o.dba(1, "UPDATE account SET totp_secret_enc = NULL WHERE id = ?", bea);
      Http.Response r =
          o.login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE, Optional.empty());
      assertTampered(r);
      assertThat(r.body()).as("no session").doesNotContain("token");
    }
  }

  @Test
  void an_office_wide_second_factor_turned_off_by_the_dba_lets_nobody_in() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      TestOffice.addColleague(a);
      ok(a.put("/api/v1/office/settings", Map.of("requireTotp", true)), 200);
      Http control = o.ombuds();
      Http.Response blocked = control.get("/api/v1/cases");
      assertThat(blocked.status()).as("the control: set up a second factor first").isEqualTo(403);
      assertThat(blocked.json().get("error").stringValue()).isEqualTo("second_factor_required");

      o.dba(1, "UPDATE office SET require_totp = 0 WHERE require_totp = 1");
      Http.Response r = o.login(TestOffice.USERNAME, TestOffice.PASSPHRASE, Optional.empty());
      assertTampered(r);
      assertThat(r.body()).as("no session").doesNotContain("token");
    }
  }

  // ---------------------------------------------------------------- e. a disabled account

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_disabled_account_made_active_by_the_dba_stays_out(String db) {
    try (DbaOffice o = DbaOffice.create(db, clock())) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      ok(o.login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE, Optional.empty()), 200);
      o.office().accounts().disable(o.accountId(TestOffice.USERNAME), bea);
      assertThat(
              o.login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE, Optional.empty())
                  .status())
          .as("the control: disabled")
          .isEqualTo(401);

      o.dba(1, "UPDATE account SET active = 1 WHERE id = ? AND active = 0", bea);
      Http.Response r =
          o.login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE, Optional.empty());
      assertTampered(r);
      assertThat(r.body()).as("no session").doesNotContain("token");
    }
  }

  // ---------------------------------------------------------------- f. a recusal

  @Test
  void a_recusal_deleted_or_moved_by_the_dba_never_opens_the_case_to_the_recused_ombuds()
      throws SQLException {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String carl = TestOffice.addConfirmed(a, b, Scenario.CARL, Scenario.CARL_PASSPHRASE);
      String[] cj = Scenario.caseWithJane(a, "Conflict of interest");
      String caseId = cj[0];
      String thread = Scenario.linkedContact(a, o.http(), caseId, cj[1])[0];
      ok(a.post("/api/v1/cases/" + caseId + "/recuse", Map.of("handOverTo", bea)), 200);
      String me = o.accountId(TestOffice.USERNAME);
      assertThat(a.get("/api/v1/cases/" + caseId).status()).as("the control").isEqualTo(404);
      assertThat(a.get("/api/v1/portal/threads/" + thread).status())
          .as("the control: the thread of a case I am recused from")
          .isEqualTo(404);
      Map<String, Object> recusal;
      try (Connection c = o.connect()) {
        List<String> key = DbaEditsIT.primaryKey(c, "recusal");
        recusal =
            DbaEditsIT.rows(c, "recusal", key).stream()
                .filter(r -> caseId.equals(r.get("case_id")) && me.equals(r.get("account_id")))
                .findFirst()
                .orElseThrow();
      }
      Map<String, Object> row = recusal;

      o.dba(1, "DELETE FROM recusal WHERE case_id = ? AND account_id = ?", caseId, me);
      // The recused account's own row lists the cases it is recused from (what the case list, the
      // portal inbox and the watches ask): the deleted recusal fails that row's tag, so the account
      // does not get in at all, and the case's row fails for the Ombuds who handles it.
      assertTampered(
          o.login(TestOffice.USERNAME, TestOffice.PASSPHRASE, Optional.empty()),
          "Conflict of interest",
          caseId);
      Http handler = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      assertTampered(handler.get("/api/v1/cases/" + caseId), "Conflict of interest");
      assertVerifyTampered(o);

      o.dba(c -> DbaEditsIT.insert(c, "recusal", row));
      Http back = o.ombuds();
      assertThat(back.get("/api/v1/cases/" + caseId).status())
          .as("the recusal back: recused again")
          .isEqualTo(404);
      assertThat(back.get("/api/v1/portal/threads/" + thread).status()).isEqualTo(404);

      o.dba(
          1,
          "UPDATE recusal SET account_id = ? WHERE case_id = ? AND account_id = ?",
          carl,
          caseId,
          me);
      assertTampered(
          o.login(TestOffice.USERNAME, TestOffice.PASSPHRASE, Optional.empty()),
          "Conflict of interest");
      assertTampered(
          o.login(Scenario.CARL, Scenario.CARL_PASSPHRASE, Optional.empty()),
          "Conflict of interest");
    }
  }

  // ---------------------------------------------------------------- g. the office's safeguards

  @Test
  void a_second_ombuds_rule_turned_off_by_the_dba_releases_nothing() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      TestOffice.addColleague(a);
      ok(a.put("/api/v1/office/settings", Map.of("exceptionNeedsSecondOmbuds", true)), 200);
      String caseId = Scenario.caseWithJane(a, "Danger")[0];
      String control = Scenario.draft(a, caseId, "A colleague will sabotage the crane tonight.");
      Http.Response waiting = Scenario.releaseImminent(a, caseId, control);
      assertThat(waiting.status()).as(waiting.body()).isEqualTo(409);
      assertThat(waiting.json().get("error").stringValue()).isEqualTo("confirmation_required");
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      ok(
          b.post(
              disclosures(caseId) + "/" + control + "/release",
              Map.of(
                  "basis",
                  "IMMINENT_HARM",
                  "confirm",
                  waiting.json().get("determinationId").stringValue())),
          200);
      String attacked = Scenario.draft(a, caseId, "The crane's brakes were cut this morning.");

      // Edited while the server runs and the Ombuds is logged in: a reopened office would refuse
      // every login on this row (it holds the second-factor rule and the public key too).
      live(o, "UPDATE office SET exception_needs_second = 0 WHERE exception_needs_second = 1");
      assertTampered(Scenario.releaseImminent(a, caseId, attacked), "brakes");
      assertTampered(
          o.login(TestOffice.USERNAME, TestOffice.PASSPHRASE, java.util.Optional.empty()));
      assertThat(status(o, attacked)).as("nothing released").isEqualTo("DRAFT");
    }
  }

  @Test
  void anonymity_thresholds_edited_by_the_dba_give_no_estimate() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      String caseId = Scenario.caseWithJane(a, "Safety concerns")[0];
      String d = Scenario.draft(a, caseId, Scenario.SAFE_TEXT);
      ok(a.get(disclosures(caseId) + "/" + d), 200);

      // Looser thresholds: everything would look LOW (a valid setting, never chosen by an Ombuds).
      live(o, "UPDATE office SET anon_high = 1, anon_medium = 1, anon_small_unit = 0");
      assertTampered(a.post(disclosures(caseId), Scenario.draftBody("Jane Doe said so.")), "Jane");
      assertTampered(a.get(disclosures(caseId) + "/" + d), "safety rules");
    }
  }

  // ---------------------------------------------------------------- h. a forged consent

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_consent_row_forged_from_another_disclosures_releases_nothing(String db)
      throws SQLException {
    try (DbaOffice o = DbaOffice.create(db, clock())) {
      Http a = o.ombuds();
      String[] cj = Scenario.caseWithJane(a, "Safety concerns");
      String caseId = cj[0];
      String consented = Scenario.draft(a, caseId, Scenario.SAFE_TEXT);
      String consentId = Scenario.consent(a, caseId, consented, cj[1]);
      String attacked = Scenario.draft(a, caseId, "Please remind the group of the rules, kindly.");
      Http.Response none = Scenario.release(a, caseId, attacked);
      assertThat(none.status()).as("the control: no consent").isEqualTo(409);
      assertThat(none.json().get("error").stringValue()).isEqualTo("consent_required");
      ok(Scenario.release(a, caseId, consented), 200);
      Map<String, Object> forged;
      try (Connection c = o.connect()) {
        forged =
            DbaEditsIT.rows(c, "consent", List.of("id")).stream()
                .filter(r -> consentId.equals(r.get("id")))
                .findFirst()
                .orElseThrow();
      }
      Random random = new Random(DbaOffice.SEED);
      Map<String, Object> row = new LinkedHashMap<>(forged);
      row.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
      row.put("disclosure_id", attacked);
      row.put("case_id", caseId);
      row.put("person_id", cj[1]);
      row.put("version", 1);

      o.dba(c -> DbaEditsIT.insert(c, "consent", row));
      assertTampered(Scenario.release(o.ombuds(), caseId, attacked), "remind");
      assertThat(status(o, attacked)).as("nothing released").isEqualTo("DRAFT");
      assertVerifyTampered(o);
    }
  }

  // ---------------------------------------------------------------- i. determinations, status,
  // version

  @Test
  void a_determination_edited_by_the_dba_is_not_confirmed() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      ok(a.put("/api/v1/office/settings", Map.of("exceptionNeedsSecondOmbuds", true)), 200);
      String caseId = Scenario.caseWithJane(a, "Danger")[0];
      String[] drafts = new String[3];
      String[] determinations = new String[3];
      for (int i = 0; i < 3; i++) {
        drafts[i] = Scenario.draft(a, caseId, "Sabotage of crane number " + (i + 1) + " tonight.");
        Http.Response waiting = Scenario.releaseImminent(a, caseId, drafts[i]);
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(409);
        determinations[i] = waiting.json().get("determinationId").stringValue();
      }
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      ok(confirm(b, caseId, drafts[0], determinations[0]), 200);

      // The DBA records the second Ombuds' confirmation that was never given.
      o.dba(1, "UPDATE determination SET confirmed_by = ? WHERE id = ?", bea, determinations[1]);
      b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      assertTampered(confirm(b, caseId, drafts[1], determinations[1]), "Sabotage");
      assertThat(status(o, drafts[1])).isEqualTo("DRAFT");

      // The DBA makes the second Ombuds the author, so that the first can confirm alone.
      o.dba(1, "UPDATE determination SET author_id = ? WHERE id = ?", bea, determinations[2]);
      assertTampered(confirm(o.ombuds(), caseId, drafts[2], determinations[2]), "Sabotage");
      assertThat(status(o, drafts[2])).isEqualTo("DRAFT");
    }
  }

  private static Http.Response confirm(Http as, String caseId, String d, String determination) {
    return as.post(
        disclosures(caseId) + "/" + d + "/release",
        Map.of("basis", "IMMINENT_HARM", "confirm", determination));
  }

  @Test
  void a_disclosures_status_or_version_edited_by_the_dba_releases_nothing() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      String[] cj = Scenario.caseWithJane(a, "Safety concerns");
      String caseId = cj[0];
      String withdrawn = Scenario.draft(a, caseId, "A colleague will sabotage the crane tonight.");
      ok(a.post(disclosures(caseId) + "/" + withdrawn + "/withdraw", Map.of()), 200);
      Http.Response control = Scenario.releaseImminent(a, caseId, withdrawn);
      assertThat(control.json().get("error").stringValue())
          .as("the control: " + control.body())
          .isEqualTo("not_a_draft");
      String edited = Scenario.draft(a, caseId, Scenario.SAFE_TEXT);
      Scenario.consent(a, caseId, edited, cj[1]);
      ok(
          a.put(
              disclosures(caseId) + "/" + edited,
              Scenario.draftBody("Jane Doe says Mike ignores the safety rules.")),
          200);
      Http.Response stale = Scenario.release(a, caseId, edited);
      assertThat(stale.json().get("error").stringValue())
          .as("the control: the consent was to version 1")
          .isEqualTo("consent_required");

      o.dba(1, "UPDATE disclosure SET status = 'DRAFT' WHERE id = ?", withdrawn);
      assertTampered(Scenario.releaseImminent(o.ombuds(), caseId, withdrawn), "sabotage");
      assertThat(status(o, withdrawn)).isEqualTo("DRAFT");
      o.dba(1, "UPDATE disclosure SET status = 'WITHDRAWN' WHERE id = ?", withdrawn);

      o.dba(1, "UPDATE disclosure SET version = 1 WHERE id = ?", edited);
      assertTampered(Scenario.release(o.ombuds(), caseId, edited), "Mike");
      assertThat(status(o, edited)).as("nothing released").isEqualTo("DRAFT");
    }
  }

  // ---------------------------------------------------------------- j. laundering

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_legitimate_write_does_not_launder_a_dba_edit_of_an_account(String db) throws SQLException {
    try (DbaOffice o = DbaOffice.create(db, clock())) {
      Http a = o.ombuds();
      ok(a.put("/api/v1/account/language", Map.of("language", "fr")), 200);
      String me = o.accountId(TestOffice.USERNAME);
      // Logging in reads the account row: the DBA edits it while the Ombuds' session is live, in
      // the running office's database.
      try (Connection c = o.connect()) {
        assertThat(DbaOffice.update(c, "UPDATE account SET language = 'de' WHERE id = ?", me))
            .isEqualTo(1);
      }
      assertTampered(a.put("/api/v1/account/language", Map.of("language", "en")));
      assertThat(o.text("SELECT language FROM account WHERE id = ?", me))
          .as("the write refused")
          .isEqualTo("de");
      assertVerifyTampered(o);
    }
  }

  /**
   * Two sessions at once on PostgreSQL: the DBA's update of an account row is not committed yet
   * when the Ombuds' write of that row starts. The write's check waits for it (the row is locked
   * until the check's transaction ends) and then sees the edit: refused, not retagged over it.
   * Without the lock, the check would read the row as it was, the write would wait for the DBA's
   * commit, and the new tag would cover the DBA's edit.
   */
  @Test
  void a_dba_update_racing_a_write_on_postgresql_is_not_retagged() throws Exception {
    try (DbaOffice o = DbaOffice.create("postgres", clock())) {
      Http a = o.ombuds();
      String me = o.accountId(TestOffice.USERNAME);
      try (Connection dba = o.connect()) {
        dba.setAutoCommit(false);
        assertThat(DbaOffice.update(dba, "UPDATE account SET language = 'de' WHERE id = ?", me))
            .isEqualTo(1);
        java.util.concurrent.CompletableFuture<Http.Response> write =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> a.put("/api/v1/account/language", Map.of("language", "fr")));
        try (Connection watch = o.connect()) {
          long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
          while (o.waitingOnALock(watch) == 0) {
            assertThat(System.nanoTime()).as("the write waits for the DBA").isLessThan(deadline);
            assertThat(write).as("the write waits for the DBA").isNotDone();
            Thread.sleep(20);
          }
        }
        dba.commit();
        assertTampered(write.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(o.text("SELECT language FROM account WHERE id = ?", me)).isEqualTo("de");
      assertVerifyTampered(o);
    }
  }

  @Test
  void a_legitimate_write_does_not_launder_a_dba_edit_of_a_disclosure() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      String caseId = Scenario.caseWithJane(a, "Safety concerns")[0];
      String d = Scenario.draft(a, caseId, Scenario.SAFE_TEXT);
      ok(a.put(disclosures(caseId) + "/" + d, Scenario.draftBody(Scenario.SAFE_TEXT + " v2")), 200);
      byte[] data = (byte[]) o.scalar("SELECT data_enc FROM disclosure WHERE id = ?", d);
      byte[] edited = data.clone();
      edited[new Random(DbaOffice.SEED).nextInt(edited.length)] ^= 1;

      o.dba(1, "UPDATE disclosure SET data_enc = ? WHERE id = ?", edited, d);
      Http.Response r =
          o.ombuds()
              .put(disclosures(caseId) + "/" + d, Scenario.draftBody(Scenario.SAFE_TEXT + " v3"));
      assertTampered(r, "v3");
      assertThat(o.count("SELECT version FROM disclosure WHERE id = ?", d))
          .as("no new version")
          .isEqualTo(2);
      assertVerifyTampered(o);
    }
  }

  // ---------------------------------------------------------------- k. changes waiting for a
  // second Ombuds

  private static final String SETTINGS = "/api/v1/office/settings";
  private static final String CHANGES = "/api/v1/office/changes";

  private static int graceDays(Http as) {
    return ok(as.get(SETTINGS), 200).json().get("graceDays").intValue();
  }

  private static Http.Response decide(Http as, String change, String how) {
    return as.post(CHANGES + "/" + change + "/" + how, Map.of());
  }

  /** The entry of {@code GET /office/changes} for this change. */
  private static JsonNode listed(Http as, String change) {
    return ok(as.get(CHANGES), 200)
        .json()
        .valueStream()
        .filter(n -> n.get("id").stringValue().equals(change))
        .findFirst()
        .orElseThrow(() -> new AssertionError("the change is not listed"));
  }

  private static void assertListedAsTampered(Http as, String change) {
    JsonNode n = listed(as, change);
    assertThat(n.path("tampered").asBoolean(false)).as("flagged: " + n).isTrue();
    assertThat(n.propertyNames()).as("nothing it holds: " + n).containsOnly("id", "tampered");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_pending_change_marked_applied_by_the_dba_is_neither_applied_nor_confirmable(String db) {
    try (DbaOffice o = DbaOffice.create(db, clock())) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String control = Scenario.pending(a.put(SETTINGS, Map.of("graceDays", 20)));
      ok(decide(b, control, "confirm"), 200);
      assertThat(graceDays(a)).as("the control: confirmed by bea, applied").isEqualTo(20);
      String attacked = Scenario.pending(a.put(SETTINGS, Map.of("graceDays", 60)));

      // The DBA records bea's confirmation, which she never gave.
      o.dba(
          1,
          "UPDATE office_change SET status = 'APPLIED', decided_by = ?, decided_at = requested_at"
              + " WHERE id = ?",
          bea,
          attacked);
      a = o.ombuds();
      b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      assertThat(graceDays(a)).as("the safeguard stays").isEqualTo(20);
      assertListedAsTampered(b, attacked);
      assertThat(listed(b, control).get("status").stringValue())
          .as("the sound change still listed as it is")
          .isEqualTo("APPLIED");
      assertTampered(decide(b, attacked, "confirm"), "60");
      assertTampered(decide(a, attacked, "decline"), "60");
      assertThat(graceDays(a)).isEqualTo(20);
      assertThat(o.text("SELECT status FROM office_change WHERE id = ?", attacked))
          .as("nothing written over the DBA's edit")
          .isEqualTo("APPLIED");
      assertVerifyTampered(o);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void settings_the_dba_edits_in_a_pending_change_are_not_applied(String db) {
    try (DbaOffice o = DbaOffice.create(db, clock())) {
      Http a = o.ombuds();
      TestOffice.addColleague(a);
      String control = Scenario.pending(a.put(SETTINGS, Map.of("graceDays", 20)));
      String attacked = Scenario.pending(a.put(SETTINGS, Map.of("graceDays", 30)));
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      ok(decide(b, control, "confirm"), 200);
      assertThat(graceDays(a)).as("the control: applied as asked").isEqualTo(20);

      // Bea would confirm 90 days where 30 were asked.
      o.dba(1, "UPDATE office_change SET settings = 'graceDays=90' WHERE id = ?", attacked);
      b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      assertListedAsTampered(b, attacked);
      assertTampered(decide(b, attacked, "confirm"), "90");
      assertThat(graceDays(b)).as("nothing applied").isEqualTo(20);
      assertThat(o.text("SELECT status FROM office_change WHERE id = ?", attacked))
          .isEqualTo("PENDING");
      assertVerifyTampered(o);
    }
  }

  @Test
  void a_hand_over_the_dba_redirects_hands_nothing_over() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String carl = TestOffice.addConfirmed(a, b, Scenario.CARL, Scenario.CARL_PASSPHRASE);
      String dan = TestOffice.addConfirmed(a, b, "dan", "dan's long passphrase");
      Http c = o.http().login(Scenario.CARL, Scenario.CARL_PASSPHRASE);
      String carlsCase = Scenario.caseWithJane(c, "Carl's case")[0];
      String me = o.accountId(TestOffice.USERNAME);
      String control =
          Scenario.pending(a.post("/api/v1/accounts/" + dan + "/handover", Map.of("to", bea)));
      ok(decide(b, control, "decline"), 200);
      assertThat(listed(b, control).get("status").stringValue())
          .as("the control: declined as asked")
          .isEqualTo("DECLINED");
      String attacked =
          Scenario.pending(a.post("/api/v1/accounts/" + carl + "/handover", Map.of("to", bea)));

      // Carl's cases would go to the first Ombuds, who asked, instead of bea.
      o.dba(1, "UPDATE office_change SET target = ? WHERE id = ?", me, attacked);
      b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      assertTampered(decide(b, attacked, "confirm"));
      assertThat(o.text("SELECT handler_id FROM case_file WHERE id = ?", carlsCase))
          .as("nothing handed over")
          .isEqualTo(carl);
      assertThat(o.count("SELECT active FROM account WHERE id = ?", carl))
          .as("carl not disabled")
          .isEqualTo(1);
      assertVerifyTampered(o);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_change_the_dba_makes_up_is_neither_listed_nor_confirmable(String db) throws SQLException {
    try (DbaOffice o = DbaOffice.create(db, clock())) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      String real = Scenario.pending(a.put(SETTINGS, Map.of("graceDays", 20)));
      Map<String, Object> row;
      try (Connection c = o.connect()) {
        row =
            DbaEditsIT.rows(c, "office_change", List.of("id")).stream()
                .filter(r -> real.equals(r.get("id")))
                .findFirst()
                .orElseThrow();
      }
      Random random = new Random(DbaOffice.SEED);
      Map<String, Object> forged = new LinkedHashMap<>(row);
      String id = new UUID(random.nextLong(), random.nextLong()).toString();
      forged.put("id", id);
      // "Asked by bea", so that the first Ombuds may confirm it alone.
      forged.put("requested_by", bea);
      forged.put("settings", "graceDays=90");

      o.dba(c -> DbaEditsIT.insert(c, "office_change", forged));
      a = o.ombuds();
      assertListedAsTampered(a, id);
      assertThat(listed(a, real).path("tampered").asBoolean(true))
          .as("the real change listed as sound")
          .isFalse();
      assertTampered(decide(a, id, "confirm"), "90");
      assertThat(graceDays(a)).as("nothing applied").isZero();
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      ok(decide(b, real, "confirm"), 200);
      assertThat(graceDays(a)).as("the real change still confirmed and applied").isEqualTo(20);
      assertVerifyTampered(o);
    }
  }

  /** One DBA statement on the running office's database (one row), the Ombuds still logged in. */
  private static void live(DbaOffice o, String sql) {
    try (java.sql.Connection c = o.connect()) {
      assertThat(DbaOffice.update(c, sql)).as("rows changed by " + sql).isEqualTo(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
