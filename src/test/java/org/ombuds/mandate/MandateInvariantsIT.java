package org.ombuds.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombuds.audit.AuditEntry;
import org.ombuds.audit.AuditKind;
import org.ombuds.store.JdbiAuditStore;
import org.ombuds.testing.Http;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.Releases;
import org.ombuds.testing.TestOffice;
import org.ombuds.testing.Units;
import tools.jackson.databind.JsonNode;

/**
 * The mandate's invariants played by the actors who break them, over HTTP against the real server:
 * the Ombuds who chooses who must consent, the confidant recorded after drafting, two requests at
 * once on one disclosure (on SQLite and PostgreSQL), the consent given on an estimate that got
 * worse since, the API consent that claims to come from the portal or names no version. Each beside
 * the case where the rule holds.
 */
class MandateInvariantsIT {
  private static final String RECIPIENT = "Senior group leader, Operations";
  private static final String SAFE_TEXT =
      "Please remind the whole group of the safety rules that apply to the operations.";

  record Case(Http http, String caseId, String jane, String mike) {
    String d() {
      return "/api/v1/cases/" + caseId + "/disclosures";
    }
  }

  static Case open(TestOffice t) {
    Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    String caseId =
        http.post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Safety concerns",
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "Operations group", "size", 40)))
            .json()
            .get("id")
            .stringValue();
    String jane = person(http, caseId, "VISITOR", "Jane Doe");
    String mike = person(http, caseId, "OTHER_PARTY", "Mike Roe");
    return new Case(http, caseId, jane, mike);
  }

  static String person(Http http, String caseId, String role, String name) {
    return http.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", role, "name", name))
        .json()
        .get("id")
        .stringValue();
  }

  static Map<String, Object> draft(String text, List<String> concerns) {
    return Map.of(
        "recipient",
        RECIPIENT,
        "identity",
        "ANONYMOUS",
        "channel",
        "meeting",
        "text",
        text,
        "concerns",
        concerns);
  }

  private static List<String> ids(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.stringValue()));
    return out;
  }

  // ------------------------------------------------------------ who must consent

  @Test
  void the_ombuds_who_names_only_the_other_party_cannot_leave_the_visitor_out() {
    try (TestOffice t = TestOffice.create().serve()) {
      Case c = open(t);
      Http.Response drafted =
          c.http().post(c.d(), draft("Jane told me that Mike shouts.", List.of(c.mike())));
      assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
      assertThat(ids(drafted.json().get("concerns"))).containsExactly(c.jane(), c.mike());
      String d = c.d() + "/" + drafted.json().get("id").stringValue();

      // The other party's consent alone does not release a text that carries the visitor's words.
      assertThat(Releases.consentInPerson(c.http(), d, c.mike()).status()).isEqualTo(201);
      Http.Response refused = c.http().post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("consent_required");
      assertThat(ids(refused.json().get("missing"))).containsExactly(c.jane());

      // An edit that drops her again keeps her: she is concerned by every version.
      Http.Response edited =
          c.http().put(d, draft("Jane told me that Mike shouts a lot.", List.of(c.mike())));
      assertThat(ids(edited.json().get("concerns"))).contains(c.jane());

      // The positive control: with her consent (and his, to the current version) it leaves.
      assertThat(Releases.consentInPerson(c.http(), d, c.mike()).status()).isEqualTo(201);
      assertThat(Releases.consentInPerson(c.http(), d, c.jane()).status()).isEqualTo(201);
      assertThat(c.http().post(d + "/release", Map.of("basis", "CONSENT")).status()).isEqualTo(200);
    }
  }

  @Test
  void a_witness_added_for_the_purpose_does_not_replace_the_visitor() {
    try (TestOffice t = TestOffice.create().serve()) {
      Case c = open(t);
      String witness = person(c.http(), c.caseId(), "WITNESS", "Willa Witt");
      String d =
          c.d()
              + "/"
              + c.http()
                  .post(c.d(), draft(SAFE_TEXT, List.of(witness)))
                  .json()
                  .get("id")
                  .stringValue();
      assertThat(Releases.consentInPerson(c.http(), d, witness).status()).isEqualTo(201);
      Http.Response refused = c.http().post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(ids(refused.json().get("missing"))).containsExactly(c.jane());
    }
  }

  @Test
  void a_confidant_recorded_after_drafting_joins_every_open_draft_and_must_consent() {
    try (TestOffice t = TestOffice.create().serve()) {
      Case c = open(t);
      String d =
          c.d()
              + "/"
              + c.http().post(c.d(), draft(SAFE_TEXT, List.of())).json().get("id").stringValue();
      assertThat(Releases.consentInPerson(c.http(), d, c.jane()).status()).isEqualTo(201);

      // A second visitor of the same matter comes forward after the draft was written.
      String paul = person(c.http(), c.caseId(), "VISITOR", "Paul Poe");
      JsonNode now = c.http().get(d).json();
      assertThat(ids(now.get("concerns"))).contains(c.jane(), paul);
      assertThat(now.get("version").intValue())
          .as("the persons concerned are part of the version")
          .isEqualTo(2);
      Http.Response refused = c.http().post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(ids(refused.json().get("missing"))).contains(paul);

      // Marking the other party as having spoken in confidence makes him a confidant too.
      Http.Response marked =
          c.http()
              .post(
                  "/api/v1/cases/" + c.caseId() + "/persons/" + c.mike() + "/confidant", Map.of());
      assertThat(marked.status()).isEqualTo(200);
      assertThat(ids(c.http().get(d).json().get("concerns"))).contains(c.mike());
      for (String p : List.of(c.jane(), paul, c.mike())) {
        assertThat(Releases.consentInPerson(c.http(), d, p).status()).isEqualTo(201);
      }
      assertThat(c.http().post(d + "/release", Map.of("basis", "CONSENT")).status()).isEqualTo(200);
    }
  }

  // ------------------------------------------------------------ consents tell the truth

  @Test
  void an_api_consent_names_its_version_and_never_claims_to_come_from_the_portal() {
    try (TestOffice t = TestOffice.create().serve()) {
      Case c = open(t);
      String d =
          c.d()
              + "/"
              + c.http().post(c.d(), draft(SAFE_TEXT, List.of())).json().get("id").stringValue();
      Http.Response noVersion =
          c.http().post(d + "/consents", Map.of("personId", c.jane(), "method", "IN_PERSON"));
      assertThat(noVersion.status()).isEqualTo(422);
      assertThat(noVersion.json().get("error").stringValue()).isEqualTo("version_required");
      Http.Response portal =
          c.http()
              .post(
                  d + "/consents", Map.of("personId", c.jane(), "method", "PORTAL", "version", 1));
      assertThat(portal.status()).isEqualTo(422);
      assertThat(portal.json().get("error").stringValue()).isEqualTo("portal_only");
      assertThat(c.http().get(d).json().get("consents").size()).isZero();
      assertThat(
              c.http()
                  .post(
                      d + "/consents",
                      Map.of("personId", c.jane(), "method", "IN_PERSON", "version", 1))
                  .status())
          .isEqualTo(201);
    }
  }

  // ------------------------------------------------------------ the estimate of the moment

  @Test
  void a_consent_given_on_an_estimate_that_got_worse_is_stale_and_the_release_is_refused() {
    try (TestOffice t = TestOffice.create().serve()) {
      Case c = open(t);
      String text = "She was shouted at in front of the group last week.";
      JsonNode drafted = c.http().post(c.d(), draft(text, List.of())).json();
      String d = c.d() + "/" + drafted.get("id").stringValue();
      int before = drafted.get("risk").get("anonymitySet").intValue();
      assertThat(Releases.consentInPerson(c.http(), d, c.jane()).status()).isEqualTo(201);

      // What the recipient can now work out: one woman in the unit, a visit today.
      Units.oneWomanAmongForty(c.http(), c.caseId());
      c.http()
          .post(
              "/api/v1/cases/" + c.caseId() + "/contacts",
              Map.of(
                  "date",
                  LocalDate.now(java.time.ZoneOffset.UTC).toString(),
                  "modality",
                  "IN_PERSON",
                  "minutes",
                  30));
      JsonNode now = c.http().get(d).json();
      assertThat(now.get("risk").get("anonymitySet").intValue())
          .as("GET shows the estimate of the moment")
          .isLessThan(before);

      Http.Response refused = c.http().post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("estimate_changed");
      assertThat(ids(refused.json().get("stale"))).containsExactly(c.jane());

      // A consent claiming the old, better estimate is refused; one on the new estimate counts.
      Http.Response claimed =
          c.http()
              .post(
                  d + "/consents",
                  Map.of(
                      "personId",
                      c.jane(),
                      "method",
                      "IN_PERSON",
                      "version",
                      1,
                      "estimate",
                      Map.of("level", "LOW", "anonymitySet", before)));
      assertThat(claimed.status()).isEqualTo(409);
      assertThat(claimed.json().get("error").stringValue()).isEqualTo("estimate_changed");
      assertThat(Releases.consentInPerson(c.http(), d, c.jane()).status()).isEqualTo(201);
      assertThat(c.http().post(d + "/release", Map.of("basis", "CONSENT")).status()).isEqualTo(200);
    }
  }

  @Test
  void a_release_to_the_same_recipient_from_another_case_about_the_same_unit_counts() {
    try (TestOffice t = TestOffice.create().serve()) {
      Case first = open(t);
      Case second = open(t);
      String d =
          second.d()
              + "/"
              + second
                  .http()
                  .post(second.d(), draft(SAFE_TEXT, List.of()))
                  .json()
                  .get("id")
                  .stringValue();
      int alone = second.http().get(d).json().get("risk").get("anonymitySet").intValue();
      assertThat(Releases.consentInPerson(second.http(), d, second.jane()).status()).isEqualTo(201);

      // Meanwhile the first case sends the same recipient a message about the same unit.
      String other =
          first.d()
              + "/"
              + first
                  .http()
                  .post(first.d(), draft(SAFE_TEXT + " Again.", List.of()))
                  .json()
                  .get("id")
                  .stringValue();
      Releases.consentInPerson(first.http(), other, first.jane());
      assertThat(first.http().post(other + "/release", Map.of("basis", "CONSENT")).status())
          .isEqualTo(200);

      JsonNode now = second.http().get(d).json();
      assertThat(now.get("risk").get("findings").toString()).contains("REPEATED");
      assertThat(now.get("risk").get("anonymitySet").intValue()).isLessThanOrEqualTo(alone);
      Http.Response r = second.http().post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(r.json().get("error").stringValue()).isEqualTo("estimate_changed");
    }
  }

  // ------------------------------------------------------------ stories by type

  @Test
  void a_communication_whose_recipient_reads_like_the_public_is_still_a_communication() {
    try (TestOffice t = TestOffice.create().serve()) {
      Case c = open(t);
      Http.Response drafted =
          c.http()
              .post(
                  c.d(),
                  Map.of(
                      "recipient",
                      DraftContent.PUBLIC,
                      "identity",
                      "NAMED",
                      "channel",
                      DraftContent.PUBLICATION,
                      "text",
                      SAFE_TEXT));
      // Not a publication: the publication rules (anonymous only) are not applied to it ...
      assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    }
  }

  // ------------------------------------------------------------ one step at a time

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("SQLite", Optional.empty()),
        Arguments.of("PostgreSQL", Optional.of(Postgres.newDatabase())));
  }

  /** The second request fired at the same moment as a release. */
  enum Rival {
    EDIT,
    WITHDRAW,
    REVOKE
  }

  private static final int ROUNDS = 20;

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void a_release_and_an_edit_withdrawal_or_revocation_at_the_same_moment_never_both_succeed(
      String name, Optional<String> db) throws Exception {
    try (TestOffice t = TestOffice.create(db, Clock.systemUTC()).serve();
        ExecutorService pool = Executors.newFixedThreadPool(2)) {
      Case c = open(t);
      for (Rival rival : Rival.values()) {
        for (int round = 0; round < ROUNDS; round++) {
          String text = SAFE_TEXT + " " + rival + " round " + round + ".";
          String id = c.http().post(c.d(), draft(text, List.of())).json().get("id").stringValue();
          String d = c.d() + "/" + id;
          String consent =
              Releases.consentInPerson(c.http(), d, c.jane()).json().get("id").stringValue();
          CountDownLatch start = new CountDownLatch(1);
          Callable<Integer> release =
              () -> {
                start.await();
                return c.http().post(d + "/release", Map.of("basis", "CONSENT")).status();
              };
          Callable<Integer> other =
              () -> {
                start.await();
                return switch (rival) {
                  case EDIT -> c.http().put(d, draft(text + " Edited.", List.of())).status();
                  case WITHDRAW -> c.http().post(d + "/withdraw", Map.of()).status();
                  case REVOKE ->
                      c.http()
                          .post(
                              "/api/v1/cases/" + c.caseId() + "/consents/" + consent + "/revoke",
                              Map.of())
                          .status();
                };
              };
          Future<Integer> released = pool.submit(release);
          Future<Integer> rivalled = pool.submit(other);
          start.countDown();
          int r = released.get();
          int o = rivalled.get();
          String where = name + " " + rival + " round " + round;
          assertThat(r == 200 && o == 200)
              .as(where + ": release " + r + ", " + rival + " " + o)
              .isFalse();
          assertThat(r == 200 || o == 200).as(where + ": one of them goes through").isTrue();
          JsonNode after = c.http().get(d).json();
          if (r == 200) {
            // Final: the released version, its text, its release time; the letter can be made.
            assertThat(after.get("status").stringValue()).as(where).isEqualTo("RELEASED");
            assertThat(after.get("version").intValue()).as(where).isEqualTo(1);
            assertThat(after.get("text").stringValue()).as(where).isEqualTo(text);
            assertThat(after.get("releasedAt")).as(where).isNotNull();
            assertThat(c.http().get(d + "/letter?format=text").status()).as(where).isEqualTo(200);
            assertNothingAfterTheRelease(t, id, where);
          } else {
            assertThat(after.get("status").stringValue()).as(where).isNotEqualTo("RELEASED");
          }
        }
      }
    }
  }

  /** The audit log names no edit or withdrawal of a disclosure after its release. */
  private static void assertNothingAfterTheRelease(TestOffice t, String id, String where) {
    List<AuditEntry> mine = new ArrayList<>();
    new JdbiAuditStore(t.office.db())
        .forEachInOrder(
            e -> {
              if (e.outcome().startsWith(id)) {
                mine.add(e);
              }
            });
    boolean released = false;
    for (AuditEntry e : mine) {
      if (e.kind() == AuditKind.DISCLOSURE_RELEASED) {
        released = true;
      } else if (released) {
        assertThat(e.kind())
            .as(where + ": after the release")
            .isNotIn(
                AuditKind.DISCLOSURE_EDITED,
                AuditKind.DISCLOSURE_WITHDRAWN,
                AuditKind.CONSENT_REVOKED,
                AuditKind.DISCLOSURE_RELEASED);
      }
    }
    assertThat(released).as(where).isTrue();
  }
}
