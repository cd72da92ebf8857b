package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.AuditKind;
import org.ombuds.testing.Http;
import org.ombuds.testing.Releases;
import org.ombuds.testing.TestOffice;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.JsonNode;

/** The mandate over HTTP: every rule of release, in both directions, and the reference story. */
class MandateIT {
  private static final String RECIPIENT = "Senior group leader, Operations";
  private static final String SAFE_TEXT =
      "Please remind the whole group of the safety rules that apply to the operations.";

  private record Story(Http http, String caseId, String jane, String mike) {}

  private static Story story(TestOffice t) {
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
                    Map.of(
                        "name",
                        "Operations group",
                        "size",
                        8,
                        "composition",
                        List.of(
                            Map.of("dimension", "gender", "group", "women", "count", 2),
                            Map.of("dimension", "gender", "group", "men", "count", 6)))))
            .json()
            .get("id")
            .stringValue();
    String jane =
        http.post(
                "/api/v1/cases/" + caseId + "/persons",
                Map.of("role", "VISITOR", "name", "Jane Doe"))
            .json()
            .get("id")
            .stringValue();
    String mike =
        http.post(
                "/api/v1/cases/" + caseId + "/persons",
                Map.of("role", "OTHER_PARTY", "name", "Mike Roe"))
            .json()
            .get("id")
            .stringValue();
    return new Story(http, caseId, jane, mike);
  }

  private static Map<String, Object> draft(String text) {
    return Map.of(
        "recipient", RECIPIENT, "identity", "ANONYMOUS", "channel", "meeting", "text", text);
  }

  private static String d(Story s) {
    return "/api/v1/cases/" + s.caseId() + "/disclosures";
  }

  @Test
  void the_reference_story_consent_to_an_exact_version_then_release_then_a_letter_naming_nobody()
      throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Story s = story(t);
      Http http = s.http();
      Http.Response drafted =
          http.post(
              d(s), draft("Jane from your group told me that Mike ignores the safety rules."));
      assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
      JsonNode dj = drafted.json();
      assertThat(dj.get("status").stringValue()).isEqualTo("DRAFT");
      assertThat(dj.get("risk").get("level").stringValue())
          .as("a draft naming the visitor")
          .isEqualTo("HIGH");
      assertThat(dj.get("risk").get("anonymitySet").intValue()).isEqualTo(1);
      assertThat(
              dj.get("risk").get("findings").findValues("excerpt").stream()
                  .map(JsonNode::stringValue))
          .contains("Jane");
      assertThat(dj.get("concerns").get(0).stringValue())
          .as("the visitor by default")
          .isEqualTo(s.jane());
      String id = dj.get("id").stringValue();

      Map<String, Object> staleEdit = new java.util.HashMap<>(draft(SAFE_TEXT));
      staleEdit.put("version", 7);
      Http.Response stale409 = http.put(d(s) + "/" + id, staleEdit);
      assertThat(stale409.status()).as("edit of a version not read").isEqualTo(409);
      assertThat(stale409.json().get("error").stringValue()).isEqualTo("conflict");
      Http.Response edited = http.put(d(s) + "/" + id, draft(SAFE_TEXT));
      assertThat(edited.json().get("version").intValue()).isEqualTo(2);
      assertThat(edited.json().get("risk").get("anonymitySet").intValue())
          .as("the whole group")
          .isGreaterThan(2);

      Http.Response noConsent = http.post(d(s) + "/" + id + "/release", Map.of("basis", "CONSENT"));
      assertThat(noConsent.status()).isEqualTo(409);
      assertThat(noConsent.json().get("error").stringValue()).isEqualTo("consent_required");
      assertThat(noConsent.json().get("missing").get(0).stringValue()).isEqualTo(s.jane());

      Http.Response notConcerned =
          http.post(
              d(s) + "/" + id + "/consents",
              Map.of("personId", s.mike(), "method", "IN_PERSON", "version", 2));
      assertThat(notConcerned.status()).isEqualTo(422);
      assertThat(notConcerned.json().get("error").stringValue()).isEqualTo("not_concerned");
      Http.Response stale =
          http.post(
              d(s) + "/" + id + "/consents",
              Map.of("personId", s.jane(), "method", "IN_PERSON", "version", 1));
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.json().get("error").stringValue()).isEqualTo("version_changed");

      assertThat(
              http.post(
                      d(s) + "/" + id + "/consents",
                      Map.of("personId", s.jane(), "method", "IN_PERSON", "version", 2))
                  .status())
          .isEqualTo(201);
      // An edit voids the consent: the new wording was not what she agreed to.
      http.put(d(s) + "/" + id, draft(SAFE_TEXT + " Thank you."));
      assertThat(http.post(d(s) + "/" + id + "/release", Map.of("basis", "CONSENT")).status())
          .isEqualTo(409);
      JsonNode afterEdit = http.get(d(s) + "/" + id).json();
      assertThat(afterEdit.get("consents").get(0).get("current").booleanValue()).isFalse();

      String consent =
          http.post(
                  d(s) + "/" + id + "/consents",
                  Map.of("personId", s.jane(), "method", "IN_PERSON", "version", 3))
              .json()
              .get("id")
              .stringValue();
      assertThat(
              http.post(
                      "/api/v1/cases/" + s.caseId() + "/consents/" + consent + "/revoke", Map.of())
                  .status())
          .isEqualTo(200);
      assertThat(http.post(d(s) + "/" + id + "/release", Map.of("basis", "CONSENT")).status())
          .as("revoked")
          .isEqualTo(409);
      String again =
          http.post(
                  d(s) + "/" + id + "/consents",
                  Map.of("personId", s.jane(), "method", "IN_PERSON", "version", 3))
              .json()
              .get("id")
              .stringValue();

      assertThat(http.get(d(s) + "/" + id + "/letter?format=text").status())
          .as("no letter before release")
          .isEqualTo(409);
      Http.Response released = http.post(d(s) + "/" + id + "/release", Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);
      assertThat(released.json().get("status").stringValue()).isEqualTo("RELEASED");

      assertThat(
              http.post(d(s) + "/" + id + "/release", Map.of("basis", "CONSENT"))
                  .json()
                  .get("error")
                  .stringValue())
          .isEqualTo("not_a_draft");
      assertThat(
              http.post("/api/v1/cases/" + s.caseId() + "/consents/" + again + "/revoke", Map.of())
                  .json()
                  .get("error")
                  .stringValue())
          .isEqualTo("already_released");
      assertThat(http.put(d(s) + "/" + id, draft("changed after release")).status()).isEqualTo(409);

      http.put(
          "/api/v1/office/settings",
          Map.of("letterhead", "Office of the Ombuds\nBuilding 1, Geneva"));
      Http.Response letter = http.get(d(s) + "/" + id + "/letter?format=text");
      assertThat(letter.status()).isEqualTo(200);
      assertThat(letter.body())
          .contains("Office of the Ombuds")
          .contains(RECIPIENT)
          .contains(SAFE_TEXT)
          .doesNotContain("Jane")
          .doesNotContain("Mike")
          .doesNotContain("Safety concerns");
      Http.Response pdf =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(http.base() + d(s) + "/" + id + "/letter?format=pdf"))
                  .GET());
      assertThat(pdf.status()).isEqualTo(200);
      assertThat(pdf.header("Content-Type")).startsWith("application/pdf");
      assertThat(GuardsIT.kinds(t))
          .contains(
              AuditKind.CONSENT_GIVEN,
              AuditKind.CONSENT_REVOKED,
              AuditKind.RELEASE_REFUSED,
              AuditKind.DISCLOSURE_RELEASED,
              AuditKind.EXPORT);
      assertNoContentInAudit(t, List.of("Jane", "safety rules", RECIPIENT, "remind"));
    }
  }

  @Test
  void the_pdf_letter_holds_exactly_the_released_text() throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Story s = story(t);
      String id = s.http().post(d(s), draft(SAFE_TEXT)).json().get("id").stringValue();
      s.http()
          .post(
              d(s) + "/" + id + "/consents",
              Map.of("personId", s.jane(), "method", "IN_PERSON", "version", 1));
      s.http().post(d(s) + "/" + id + "/release", Map.of("basis", "CONSENT"));
      byte[] letter = s.http().bytes(d(s) + "/" + id + "/letter?format=pdf");
      PdfReader reader = new PdfReader(letter);
      String text = new PdfTextExtractor(reader).getTextFromPage(1);
      reader.close();
      assertThat(text.replaceAll("\\s+", " "))
          .contains("Please remind the whole group")
          .contains(RECIPIENT)
          .doesNotContain("Jane");
    }
  }

  @Test
  void
      the_exception_needs_an_imminent_and_serious_threat_and_is_followed_by_a_reminder_to_inform() {
    try (TestOffice t = TestOffice.create().serve()) {
      Story s = story(t);
      Http http = s.http();
      String id =
          http.post(d(s), draft("A colleague has announced he will sabotage the crane tonight."))
              .json()
              .get("id")
              .stringValue();
      Map<String, Object> notImminent =
          Map.of(
              "basis",
              "IMMINENT_HARM",
              "determination",
              Map.of(
                  "threat",
                  "Safety rules ignored",
                  "target",
                  "PERSON",
                  "imminent",
                  false,
                  "serious",
                  true,
                  "reasoning",
                  "High risk but nothing is about to happen"));
      Http.Response r1 = http.post(d(s) + "/" + id + "/release", notImminent);
      assertThat(r1.status()).isEqualTo(422);
      assertThat(r1.json().get("error").stringValue()).isEqualTo("exception_not_met");
      assertThat(r1.json().get("message").stringValue()).contains("not imminent");
      Map<String, Object> notSerious =
          Map.of(
              "basis",
              "IMMINENT_HARM",
              "determination",
              Map.of(
                  "threat",
                  "Office supplies",
                  "target",
                  "PROPERTY",
                  "imminent",
                  true,
                  "serious",
                  false,
                  "reasoning",
                  "Minor"));
      assertThat(http.post(d(s) + "/" + id + "/release", notSerious).status()).isEqualTo(422);
      Map<String, Object> missing =
          Map.of(
              "basis",
              "IMMINENT_HARM",
              "determination",
              Map.of("target", "PERSON", "imminent", true, "serious", true));
      Http.Response r3 = http.post(d(s) + "/" + id + "/release", missing);
      assertThat(r3.status()).isEqualTo(400);
      assertThat(http.get(d(s) + "/" + id).json().get("status").stringValue())
          .as("nothing released")
          .isEqualTo("DRAFT");

      Map<String, Object> met =
          Releases.imminentHarm(
              "Sabotage of the crane tonight", "Specific, tonight, lives at risk");
      Http.Response ok = http.post(d(s) + "/" + id + "/release", met);
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
      assertThat(ok.json().get("status").stringValue()).isEqualTo("RELEASED");
      assertThat(http.get("/api/v1/reminders").body()).contains("imminent-harm exception");
      assertThat(GuardsIT.kinds(t))
          .contains(AuditKind.EXCEPTION_DETERMINED, AuditKind.DISCLOSURE_RELEASED);
      assertNoContentInAudit(t, List.of("crane", "Sabotage", "lives at risk"));
    }
  }

  @Test
  void an_office_can_require_a_second_ombuds_to_confirm_an_exception() {
    try (TestOffice t = TestOffice.create().serve()) {
      Story s = story(t);
      Http first = s.http();
      first.post(
          "/api/v1/accounts", Map.of("username", "second", "passphrase", "second long passphrase"));
      first.put("/api/v1/office/settings", Map.of("exceptionNeedsSecondOmbuds", true));
      String id =
          first
              .post(d(s), draft("Imminent danger to the night shift."))
              .json()
              .get("id")
              .stringValue();
      Map<String, Object> met =
          Map.of(
              "basis",
              "IMMINENT_HARM",
              "determination",
              Map.of(
                  "threat",
                  "Danger tonight",
                  "target",
                  "PERSON",
                  "imminent",
                  true,
                  "serious",
                  true,
                  "reasoning",
                  "Credible"));
      Http.Response waiting = first.post(d(s) + "/" + id + "/release", met);
      assertThat(waiting.status()).isEqualTo(409);
      assertThat(waiting.json().get("error").stringValue()).isEqualTo("confirmation_required");
      String det = waiting.json().get("determinationId").stringValue();
      Http.Response self =
          first.post(
              d(s) + "/" + id + "/release", Map.of("basis", "IMMINENT_HARM", "confirm", det));
      assertThat(self.status()).as("not by the same Ombuds").isEqualTo(422);
      Http second = t.http().login("second", "second long passphrase");
      Http.Response confirmed =
          second.post(
              d(s) + "/" + id + "/release", Map.of("basis", "IMMINENT_HARM", "confirm", det));
      assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
      assertThat(GuardsIT.kinds(t)).contains(AuditKind.EXCEPTION_CONFIRMED);
    }
  }

  @Test
  void bad_requests_are_refused_clearly_and_nothing_is_released() {
    try (TestOffice t = TestOffice.create().serve()) {
      Story s = story(t);
      Http http = s.http();
      Http.Response noRecipient =
          http.post(
              d(s),
              Map.of("recipient", " ", "identity", "ANONYMOUS", "channel", "letter", "text", "x"));
      assertThat(noRecipient.status()).isEqualTo(400);
      assertThat(noRecipient.json().get("message").stringValue()).contains("recipient");
      assertThat(
              http.post(
                      d(s),
                      Map.of(
                          "recipient", "r", "identity", "SECRET", "channel", "letter", "text", "x"))
                  .status())
          .isEqualTo(400);
      assertThat(
              http.post(
                      d(s),
                      Map.of(
                          "recipient",
                          "r",
                          "identity",
                          "NAMED",
                          "channel",
                          "letter",
                          "text",
                          "x",
                          "concerns",
                          List.of("00000000-0000-4000-8000-000000000000")))
                  .status())
          .isEqualTo(400);
      String id = http.post(d(s), draft(SAFE_TEXT)).json().get("id").stringValue();
      assertThat(http.post(d(s) + "/" + id + "/release", Map.of("basis", "WHATEVER")).status())
          .isEqualTo(400);
      assertThat(http.post(d(s) + "/" + id + "/withdraw", Map.of()).status()).isEqualTo(200);
      Http.Response consentWithdrawn =
          http.post(
              d(s) + "/" + id + "/consents",
              Map.of("personId", s.jane(), "method", "IN_PERSON", "version", 1));
      assertThat(consentWithdrawn.json().get("error").stringValue()).isEqualTo("not_a_draft");
      assertThat(
              http.post(d(s) + "/" + id + "/release", Map.of("basis", "CONSENT"))
                  .json()
                  .get("error")
                  .stringValue())
          .isEqualTo("not_a_draft");
      assertThat(http.get(d(s) + "/00000000-0000-4000-8000-000000000000").status()).isEqualTo(404);
      JsonNode named =
          http.post(
                  d(s),
                  Map.of(
                      "recipient",
                      "HR",
                      "identity",
                      "NAMED",
                      "channel",
                      "letter",
                      "text",
                      "Jane asked me to write."))
              .json();
      assertThat(named.get("risk").get("level").stringValue()).isEqualTo("HIGH");
    }
  }

  @Test
  void the_office_sets_its_own_thresholds_and_the_estimate_follows_them() {
    try (TestOffice t = TestOffice.create().serve()) {
      Story s = story(t);
      Http http = s.http();
      JsonNode before = http.post(d(s), draft(SAFE_TEXT)).json();
      assertThat(before.get("risk").get("level").stringValue())
          .as("unit of 8 is small by default")
          .isEqualTo("MEDIUM");
      Map<String, Object> stricter =
          Map.of(
              "anonymityThresholds",
              Map.of(
                  "highWhenSetAtMost",
                  1000,
                  "mediumWhenSetAtMost",
                  1000,
                  "smallUnitAtMost",
                  10,
                  "repeatedReleasesAtLeast",
                  1,
                  "soonAfterContactDays",
                  14));
      assertThat(http.put("/api/v1/office/settings", stricter).status()).isEqualTo(200);
      JsonNode after = http.post(d(s), draft(SAFE_TEXT)).json();
      assertThat(after.get("risk").get("level").stringValue())
          .as("at most 1000 people fit: HIGH")
          .isEqualTo("HIGH");
      Map<String, Object> nonsense =
          Map.of(
              "anonymityThresholds",
              Map.of(
                  "highWhenSetAtMost",
                  9,
                  "mediumWhenSetAtMost",
                  2,
                  "smallUnitAtMost",
                  3,
                  "repeatedReleasesAtLeast",
                  1,
                  "soonAfterContactDays",
                  14));
      assertThat(http.put("/api/v1/office/settings", nonsense).status()).isEqualTo(400);
      assertThat(
              http.get("/api/v1/office/settings")
                  .json()
                  .get("anonymityThresholds")
                  .get("mediumWhenSetAtMost")
                  .intValue())
          .isEqualTo(1000);
    }
  }

  @Test
  void closing_the_case_destroys_its_disclosures_and_consents() {
    try (TestOffice t = TestOffice.create().serve()) {
      Story s = story(t);
      String id = s.http().post(d(s), draft(SAFE_TEXT)).json().get("id").stringValue();
      s.http()
          .post(
              d(s) + "/" + id + "/consents",
              Map.of("personId", s.jane(), "method", "IN_PERSON", "version", 1));
      s.http().post("/api/v1/cases/" + s.caseId() + "/close", Map.of("outcome", "RESOLVED"));
      assertThat(count(t, "disclosure")).isZero();
      assertThat(count(t, "consent")).isZero();
    }
  }

  private static long count(TestOffice t, String table) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("ombuds.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertNoContentInAudit(TestOffice t, List<String> words) {
    List<String> rows = new ArrayList<>();
    new org.ombuds.store.JdbiAuditStore(t.office.db())
        .forEachInOrder(
            e -> rows.add(e.kind() + " " + e.actor() + " " + e.subject() + " " + e.outcome()));
    String all = String.join("\n", rows).toLowerCase(java.util.Locale.ROOT);
    for (String w : words) {
      assertThat(all).doesNotContain(w.toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(all.getBytes(StandardCharsets.UTF_8).length).isPositive();
  }
}
