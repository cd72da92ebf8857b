package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.audit.AuditEntry;
import org.ombuds.audit.AuditKind;
import org.ombuds.mandate.ExitCheck;
import org.ombuds.store.JdbiAuditStore;
import org.ombuds.stories.Disclaimer;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/**
 * Every way out is watched (DESIGN.md rule 8), over HTTP: a story without a case, a released story
 * of a case, the annual report's own texts (PDF, CSV, JSON and the page), a portal reply and the
 * letterhead are refused while they name anyone on file in an open case, in the disguises an
 * adversarial tester used; the same texts without the name pass. An Ombuds recused from the case
 * gets the generic refusal, the refusal is audited, and the case's other Ombuds is shown it.
 */
class ExitCheckIT {
  /** The spellings of the open case's visitor that used to slip through. */
  private static final List<String> DISGUISES =
      List.of(
          "mike.stone@example.org",
          "\u041Cike St\u043Ene",
          "Du-bois",
          "Hél-\nène",
          "H3l3n3",
          "M i k e");

  private record Office(Http http, String caseId) {}

  /** An open case whose visitor is Hélène Dubois and whose other party is Mike Stone. */
  private static String openCase(Http http) {
    String caseId =
        http.post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Secret title of the case",
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "Vacuum", "size", 30)))
            .json()
            .get("id")
            .stringValue();
    assertThat(
            http.post(
                    "/api/v1/cases/" + caseId + "/persons",
                    Map.of("role", "VISITOR", "name", "Hélène Dubois"))
                .status())
        .isEqualTo(201);
    assertThat(
            http.post(
                    "/api/v1/cases/" + caseId + "/persons",
                    Map.of("role", "OTHER_PARTY", "name", "Mike Stone"))
                .status())
        .isEqualTo(201);
    return caseId;
  }

  private static Office office(TestOffice t) {
    Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    return new Office(http, openCase(http));
  }

  private static String story(String body) {
    return "Ombuds’ corner\n\nOttoline* met " + body + " in the corridor.\n\n" + Disclaimer.ENGLISH;
  }

  private static void assertRefused(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(409);
    assertThat(r.json().get("error").stringValue()).isEqualTo("open_case_match");
    assertThat(r.body()).doesNotContain("Secret title");
  }

  private static List<AuditEntry> audit(TestOffice t) {
    List<AuditEntry> out = new ArrayList<>();
    new JdbiAuditStore(t.office.db()).forEachInOrder(out::add);
    return out;
  }

  // ---------------------------------------------------------------- stories

  @Test
  void aStoryWithoutACase_naming_theVisitor_inAnyDisguise_isRefused_andPassesWithoutIt() {
    try (TestOffice t = TestOffice.create().serve()) {
      Office o = office(t);
      for (String disguise : DISGUISES) {
        String id =
            o.http()
                .post("/api/v1/stories", Map.of("text", story(disguise), "audience", 2500))
                .json()
                .get("id")
                .stringValue();
        Http.Response r = o.http().get("/api/v1/stories/" + id + "/export?format=pdf");
        assertRefused(r);
        assertThat(r.json().get("matches").size()).as(disguise).isPositive();
        assertThat(r.json().get("message").stringValue())
            .as(disguise)
            .contains("of a person in one of your open cases");
      }
      String clean = story("a colleague");
      String id =
          o.http()
              .post("/api/v1/stories", Map.of("text", clean, "audience", 2500))
              .json()
              .get("id")
              .stringValue();
      Http.Response ok = o.http().get("/api/v1/stories/" + id + "/export?format=markdown");
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }
  }

  @Test
  void aReleasedStoryOfACase_namingAPersonOfAnotherOpenCase_isNotExported() {
    try (TestOffice t = TestOffice.create().serve()) {
      Office o = office(t);
      Http http = o.http();
      // Another case, whose visitor consents to a story that names Hélène of the first case.
      String other =
          http.post(
                  "/api/v1/cases",
                  Map.of(
                      "title",
                      "Another case",
                      "categories",
                      List.of("6a"),
                      "workUnit",
                      Map.of("name", "Unit", "size", 40)))
              .json()
              .get("id")
              .stringValue();
      JsonNode ana =
          http.post("/api/v1/cases/" + other + "/persons", Map.of("role", "VISITOR", "name", "Ana"))
              .json();
      String s = exportPathOfReleasedStory(http, other, ana, story("H3l3n3"));
      assertRefused(http.get(s + "/export?format=pdf"));

      // The control: the same story without the name is exported.
      String fine = exportPathOfReleasedStory(http, other, ana, story("a colleague"));
      Http.Response ok = http.get(fine + "/export?format=markdown");
      assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    }
  }

  private static String exportPathOfReleasedStory(
      Http http, String caseId, JsonNode visitor, String text) {
    String s =
        "/api/v1/stories/"
            + http.post("/api/v1/stories", Map.of("caseId", caseId, "audience", 2500))
                .json()
                .get("id")
                .stringValue();
    assertThat(http.put(s, Map.of("text", text)).status()).isEqualTo(200);
    JsonNode sent = http.post(s + "/consent-request", Map.of()).json();
    String d = "/api/v1/cases/" + caseId + "/disclosures/" + sent.get("disclosureId").stringValue();
    assertThat(
            org.ombuds.testing.Releases.consentInPerson(http, d, visitor.get("id").stringValue())
                .status())
        .isEqualTo(201);
    Http.Response released = http.post(d + "/release", Map.of("basis", "CONSENT"));
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    return s;
  }

  // ---------------------------------------------------------------- the annual report

  @ParameterizedTest
  @ValueSource(strings = {"assessment", "observations", "recommendations"})
  void theReportsOwnTexts_namingTheVisitor_blockPdfCsvAndJson_andThePageSaysWhy(String field) {
    try (TestOffice t = TestOffice.create().serve()) {
      Office o = office(t);
      Http http = o.http();
      String leaky = "This year H3l3n3 and others came to the office.";
      assertThat(http.put("/api/v1/reports/years/2025", Map.of(field, leaky)).status())
          .as("saving a draft is not an exit")
          .isEqualTo(200);
      for (String format : List.of("pdf", "csv", "json")) {
        Http.Response r = http.get("/api/v1/reports/annual?year=2025&format=" + format);
        assertRefused(r);
        assertThat(r.body()).as(format).doesNotContain("Hélène", "Dubois");
        assertThat(r.json().get("matches").get(0).get("excerpt").stringValue()).isEqualTo("H3l3n3");
      }
      PageSession page =
          PageSession.login(
              t.http(), TestOffice.USERNAME, TestOffice.PASSPHRASE, PageSession::basicChecks);
      Http.Response shown = page.get("/reports?year=2025");
      assertThat(shown.status()).isEqualTo(200);
      assertThat(shown.body()).contains("report-exit-refusal", "H3l3n3");
      assertThat(page.get("/reports/2025/report.pdf").status()).isEqualTo(409);

      String clean = "This year many people came to the office.";
      assertThat(http.put("/api/v1/reports/years/2025", Map.of(field, clean)).status())
          .isEqualTo(200);
      Http.Response json = http.get("/api/v1/reports/annual?year=2025");
      assertThat(json.status()).as(json.body()).isEqualTo(200);
      assertThat(json.json().get(field).stringValue()).isEqualTo(clean);
      assertThat(http.get("/api/v1/reports/annual?year=2025&format=pdf").status()).isEqualTo(200);
      assertThat(page.get("/reports?year=2025").body()).doesNotContain("report-exit-refusal");
    }
  }

  // ---------------------------------------------------------------- portal replies

  @Test
  void aPortalReply_mayNameTheThreadsOwnCase_butNotAnotherOpenCase() {
    try (TestOffice t = TestOffice.create().serve()) {
      Office o = office(t);
      Http http = o.http();
      Http.Response contact =
          t.http()
              .post(
                  "/portal/contact",
                  Map.of("message", "Help", "name", "Ana Weber", "reachAt", "ana.w@example.org"));
      assertThat(contact.status()).isEqualTo(201);
      String thread = http.get("/api/v1/portal/threads").json().get(0).get("id").stringValue();
      String replies = "/api/v1/portal/threads/" + thread + "/replies";

      Http.Response named = http.post(replies, Map.of("text", "Dear Ana, I spoke with H3l3n3."));
      assertRefused(named);
      assertThat(named.json().get("matches").get(0).get("excerpt").stringValue())
          .isEqualTo("H3l3n3");
      assertRefused(http.post(replies, Map.of("text", "Ask mike.stone@example.org.")));

      // The thread's own visitor and, once linked, the persons of its own case are its own matter.
      assertThat(http.post(replies, Map.of("text", "Dear Ana Weber, see you soon.")).status())
          .isEqualTo(201);
      String helene = "";
      for (JsonNode p : http.get("/api/v1/cases/" + o.caseId()).json().get("persons")) {
        if (p.get("name").stringValue().equals("Hélène Dubois")) {
          helene = p.get("id").stringValue();
        }
      }
      assertThat(
              http.post(
                      "/api/v1/portal/threads/" + thread + "/link",
                      Map.of("caseId", o.caseId(), "personId", helene))
                  .status())
          .isEqualTo(200);
      Http.Response own = http.post(replies, Map.of("text", "Dear Hélène, Mike Stone agreed."));
      assertThat(own.status()).as(own.body()).isEqualTo(201);

      // Another thread's visitor is someone else's matter.
      String otherCase = openCaseNamed(http, "Paul Brun");
      assertThat(otherCase).isNotEmpty();
      assertRefused(http.post(replies, Map.of("text", "Paul Brun says hello.")));
    }
  }

  private static String openCaseNamed(Http http, String name) {
    String caseId =
        http.post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Third",
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "U", "size", 40)))
            .json()
            .get("id")
            .stringValue();
    http.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", name));
    return caseId;
  }

  // ---------------------------------------------------------------- the letterhead

  @Test
  void theLetterhead_namingAPersonOfAnOpenCase_isRefused_andAPlainOneIsSaved() {
    try (TestOffice t = TestOffice.create().serve()) {
      Office o = office(t);
      Http http = o.http();
      Http.Response r =
          http.put("/api/v1/office/settings", Map.of("letterhead", "Office of M.i.k.e Stone"));
      assertRefused(r);
      assertThat(http.get("/api/v1/office/settings").json().get("letterhead").stringValue())
          .isEmpty();
      String plain = "Office of the Ombuds\nMain building, room 12";
      assertThat(http.put("/api/v1/office/settings", Map.of("letterhead", plain)).status())
          .isEqualTo(200);
      assertThat(http.get("/api/v1/office/settings").json().get("letterhead").stringValue())
          .isEqualTo(plain);
    }
  }

  // ---------------------------------------------------------------- recusal

  @Test
  void aRecusedOmbuds_getsTheGenericRefusal_itIsAudited_andTheColleagueIsShown() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String beaId = TestOffice.addColleague(a);
      Http b = t.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String caseId = openCase(a);
      assertThat(
              a.post("/api/v1/cases/" + caseId + "/recuse", Map.of("handOverTo", beaId)).status())
          .isEqualTo(200);

      // Two different names of the hidden case, at two exits: one and the same answer.
      Http.Response first =
          a.put("/api/v1/office/settings", Map.of("letterhead", "Office of H3l3n3"));
      Http.Response second = a.put("/api/v1/reports/years/2025", Map.of("assessment", "M i k e"));
      assertThat(second.status()).isEqualTo(200);
      Http.Response report = a.get("/api/v1/reports/annual?year=2025&format=pdf");
      for (Http.Response r : List.of(first, report)) {
        assertRefused(r);
        assertThat(r.json().get("message").stringValue()).isEqualTo(ExitCheck.GENERIC);
        assertThat(r.json().has("matches")).as("nothing to list").isFalse();
        assertThat(r.body()).doesNotContain("H3l3n3", "Mike", "M i k e", "Hélène", caseId);
      }
      assertThat(first.body()).isEqualTo(report.body());

      // Audited with ids only.
      List<AuditEntry> refusals =
          audit(t).stream().filter(e -> e.kind() == AuditKind.EXIT_REFUSED).toList();
      assertThat(refusals)
          .extracting(AuditEntry::subject)
          .containsExactly("letterhead:office", "report:2025");
      assertThat(refusals).extracting(AuditEntry::outcome).containsOnly("hidden");

      // Shown to the colleague who handles the case, not to the recused author.
      List<String> kinds = new ArrayList<>();
      for (JsonNode alert : b.get("/api/v1/alerts").json()) {
        if (alert.get("kind").stringValue().equals("EXIT_CHECK_MATCH")) {
          kinds.add(alert.get("caseId").stringValue());
        }
      }
      assertThat(kinds).containsExactly(caseId, caseId);
      assertThat(a.get("/api/v1/alerts").body()).doesNotContain("EXIT_CHECK_MATCH", caseId);

      // The colleague, who may see the case, is told which word it is.
      Http.Response plain = b.put("/api/v1/office/settings", Map.of("letterhead", "H3l3n3"));
      assertRefused(plain);
      assertThat(plain.json().get("matches").get(0).get("excerpt").stringValue())
          .isEqualTo("H3l3n3");
      assertThat(plain.body()).isNotEqualTo(first.body());
    }
  }
}
