package org.ombuds.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ombuds.store.JdbiStoryStore;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.JsonNode;

/**
 * Stories over HTTP: a story of the reference case leaves only as consented, a story without a case
 * only when no open case's name is in it, and a closed case takes its story drafts with it.
 */
class StoriesIT {
  private record Ref(Http http, String caseId, String jane, String janePseudonym) {}

  /** The reference case as {@code cli.DemoCommand} seeds it: Jane, Mike, a manager, the notes. */
  private static Ref referenceCase(TestOffice t) {
    Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    String caseId =
        http.post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Safety concerns in a small operations group",
                    "categories",
                    List.of("6a", "2o", "2h"),
                    "workUnit",
                    Map.of("name", "Operations group", "size", 8)))
            .json()
            .get("id")
            .stringValue();
    JsonNode jane =
        http.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "Jane"))
            .json();
    http.post(
        "/api/v1/cases/" + caseId + "/persons", Map.of("role", "OTHER_PARTY", "name", "Mike"));
    for (String note :
        List.of(
            "Jane came to share her concerns about the actions of Mike, one of her senior"
                + " colleague supervisors, and insisted on absolute confidentiality.",
            "The whole group is affected and spends much time discussing the problem instead of"
                + " its work. The threat is not imminent.",
            "Agreed: if any suspicion of retaliation arises, Jane contacts the Ombuds at once.")) {
      assertThat(http.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", note)).status())
          .isEqualTo(201);
    }
    // Mike's arrival may have redrawn Jane's pseudonym: read the final one.
    String pseudonym = "";
    for (JsonNode p : http.get("/api/v1/cases/" + caseId).json().get("persons")) {
      if (p.get("id").stringValue().equals(jane.get("id").stringValue())) {
        pseudonym = p.get("pseudonym").stringValue();
      }
    }
    return new Ref(http, caseId, jane.get("id").stringValue(), pseudonym);
  }

  private static byte[] bytes(Http http, String path) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(http.base() + path))
                    .header("Authorization", "Bearer " + http.token())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    return r.body();
  }

  private static String pdfText(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    try {
      PdfTextExtractor x = new PdfTextExtractor(reader);
      StringBuilder b = new StringBuilder();
      for (int i = 1; i <= reader.getNumberOfPages(); i++) {
        b.append(x.getTextFromPage(i)).append('\n');
      }
      return b.toString();
    } finally {
      reader.close();
    }
  }

  private static String words(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  /** The Markdown export unescaped: CommonMark renders "\x" as "x" and "# " as the title. */
  static String unMarkdown(String md) {
    return md.replaceFirst("^# ", "").replaceAll("\\\\(\\p{Punct})", "$1").replace("  \n", "\n");
  }

  /** The HTML export's article as text. */
  static String unHtml(String html) {
    String article = html.substring(html.indexOf("<article>") + 9, html.indexOf("</article>"));
    return article
        .replace("<br>\n", "\n")
        .replaceAll("</(h1|p)>\n<(h1|p)>", "\n\n")
        .replaceAll("<[^>]+>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .strip();
  }

  @Test
  void aStoryOfTheReferenceCase_leavesOnlyAsConsented_andAnEditVoidsTheConsent() throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Ref ref = referenceCase(t);
      Http http = ref.http();
      Http.Response created =
          http.post("/api/v1/stories", Map.of("caseId", ref.caseId(), "audience", 2500));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      JsonNode story = created.json();
      String id = story.get("id").stringValue();
      String draft = story.get("text").stringValue();
      assertThat(story.get("status").stringValue()).isEqualTo("DRAFT");
      assertThat(draft)
          .contains(ref.janePseudonym())
          .contains("Ombuds’ corner")
          .endsWith(Disclaimer.ENGLISH);
      assertThat(Pattern.compile("\\b(Jane|Mike)\\b").matcher(draft).find())
          .as("no real name in the draft: %s", draft)
          .isFalse();
      assertThat(story.get("risk").get("level").stringValue()).isNotEmpty();

      String s = "/api/v1/stories/" + id;
      for (String format : List.of("markdown", "html", "pdf")) {
        Http.Response refused = http.get(s + "/export?format=" + format);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("error").stringValue()).isEqualTo("consent_required");
      }

      JsonNode sent = http.post(s + "/consent-request", Map.of()).json();
      assertThat(sent.get("status").stringValue()).isEqualTo("AWAITING_CONSENT");
      String d =
          "/api/v1/cases/"
              + ref.caseId()
              + "/disclosures/"
              + sent.get("disclosureId").stringValue();
      JsonNode disclosure = http.get(d).json();
      assertThat(disclosure.get("recipient").stringValue()).isEqualTo(Stories.RECIPIENT);
      assertThat(disclosure.get("identity").stringValue()).isEqualTo("ANONYMOUS");
      assertThat(disclosure.get("channel").stringValue()).isEqualTo(Stories.CHANNEL);
      assertThat(disclosure.get("text").stringValue()).isEqualTo(draft);
      assertThat(disclosure.get("concerns").toString()).contains(ref.jane());
      assertThat(http.get(s + "/export?format=markdown").status()).isEqualTo(409);

      // Consent, then an edit: the consent no longer covers the text; release is refused.
      Map<String, String> consent = Map.of("personId", ref.jane(), "method", "IN_PERSON");
      assertThat(http.post(d + "/consents", consent).status()).isEqualTo(201);
      String edited =
          draft.replace(Disclaimer.ENGLISH, "Contact the Ombuds early!\n\n" + Disclaimer.ENGLISH);
      Http.Response edit = http.put(s, Map.of("text", edited));
      assertThat(edit.status()).as(edit.body()).isEqualTo(200);
      Http.Response early = http.post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(early.status()).isEqualTo(409);
      assertThat(early.json().get("error").stringValue()).isEqualTo("consent_required");
      assertThat(http.get(s + "/export?format=html").status()).isEqualTo(409);

      // Consent to the current version, release: the exports are exactly the consented text.
      assertThat(http.post(d + "/consents", consent).status()).isEqualTo(201);
      Http.Response released = http.post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);
      String consented = http.get(d).json().get("text").stringValue();
      assertThat(consented).isEqualTo(edited.strip());
      assertThat(http.get(s).json().get("status").stringValue()).isEqualTo("RELEASED");

      String md = new String(bytes(http, s + "/export?format=markdown"), StandardCharsets.UTF_8);
      assertThat(unMarkdown(md).strip()).isEqualTo(consented);
      String html = new String(bytes(http, s + "/export?format=html"), StandardCharsets.UTF_8);
      assertThat(unHtml(html)).isEqualTo(consented);
      assertThat(html).doesNotContain("http://", "https://", "<script", "src=");
      String pdf = pdfText(bytes(http, s + "/export?format=pdf"));
      assertThat(words(pdf)).isEqualTo(words(consented));

      // Every step audited, with ids only.
      List<org.ombuds.audit.AuditKind> kinds = new ArrayList<>();
      List<String> fields = new ArrayList<>();
      new org.ombuds.store.JdbiAuditStore(t.office.db())
          .forEachInOrder(
              e -> {
                kinds.add(e.kind());
                fields.add(e.actor() + " " + e.subject() + " " + e.outcome());
              });
      assertThat(kinds)
          .contains(
              org.ombuds.audit.AuditKind.STORY_DRAFTED,
              org.ombuds.audit.AuditKind.STORY_SENT_FOR_CONSENT,
              org.ombuds.audit.AuditKind.STORY_EDITED,
              org.ombuds.audit.AuditKind.STORY_EXPORTED);
      String bare = ref.janePseudonym().replace("*", "");
      assertThat(fields)
          .noneMatch(f -> f.contains(bare) || f.contains("Jane") || f.contains("corner"));

      // Released means fixed.
      Http.Response late = http.put(s, Map.of("text", edited + " More."));
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.json().get("error").stringValue()).isEqualTo("already_released");
    }
  }

  @Test
  void aStoryWithoutAnAudience_takesTheLatestPersonnelCountOfTheAnnualReport() throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String text = "Ottoline* came.\n\n" + Disclaimer.ENGLISH;
      Http.Response none = http.post("/api/v1/stories", Map.of("text", text));
      assertThat(none.status()).as("no audience and no personnel count").isEqualTo(400);

      assertThat(http.put("/api/v1/reports/years/2024", Map.of("personnel", 900)).status())
          .isEqualTo(200);
      assertThat(http.put("/api/v1/reports/years/2025", Map.of("personnel", 1800)).status())
          .isEqualTo(200);
      Http.Response story = http.post("/api/v1/stories", Map.of("text", text));
      assertThat(story.status()).isEqualTo(201);
      assertThat(story.json().get("audience").asInt()).isEqualTo(1800);
    }
  }

  @Test
  void aStoryWithoutACase_isBlockedByAnOpenCasesName_andExportsWithoutIt() throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
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
      String pseudonym =
          http.post(
                  "/api/v1/cases/" + caseId + "/persons",
                  Map.of("role", "VISITOR", "name", "Hélène Dubois"))
              .json()
              .get("pseudonym")
              .stringValue();

      Http.Response noDisclaimer =
          http.post("/api/v1/stories", Map.of("text", "Ottoline* came.", "audience", 2500));
      assertThat(noDisclaimer.status()).isEqualTo(422);
      assertThat(noDisclaimer.json().get("error").stringValue()).isEqualTo("disclaimer_missing");

      // The stories' own fictitious name is not one the office hands out as a pseudonym, so a
      // randomly drawn pseudonym of the open case cannot collide with it.
      String leaky = "Ottoline* met HELENE in the corridor.\n\n" + Disclaimer.ENGLISH;
      JsonNode story = http.post("/api/v1/stories", Map.of("text", leaky, "audience", 2500)).json();
      String s = "/api/v1/stories/" + story.get("id").stringValue();
      JsonNode check = http.post(s + "/check", Map.of()).json();
      assertThat(check.get("cleared").booleanValue()).isFalse();
      JsonNode match = check.get("matches").get(0);
      assertThat(match.get("pseudonym").stringValue()).isEqualTo(pseudonym);
      assertThat(match.get("excerpt").stringValue()).isEqualTo("HELENE");
      assertThat(leaky.substring(match.get("start").intValue(), match.get("end").intValue()))
          .isEqualTo("HELENE");

      Http.Response blocked = http.get(s + "/export?format=pdf");
      assertThat(blocked.status()).isEqualTo(409);
      assertThat(blocked.json().get("error").stringValue()).isEqualTo("open_case_match");
      assertThat(blocked.json().get("matches").size()).isEqualTo(1);
      assertThat(blocked.body()).doesNotContain("Dubois", "Hélène", "Secret title", caseId);

      String safe = "Ottoline* met a colleague in the corridor.\n\n" + Disclaimer.ENGLISH;
      assertThat(http.put(s, Map.of("text", safe, "version", 1)).status()).isEqualTo(200);
      Http.Response stale = http.put(s, Map.of("text", leaky, "version", 1));
      assertThat(stale.status()).isEqualTo(409);
      assertThat(stale.json().get("error").stringValue()).isEqualTo("conflict");
      assertThat(http.post(s + "/check", Map.of()).json().get("cleared").booleanValue()).isTrue();
      String md = new String(bytes(http, s + "/export?format=markdown"), StandardCharsets.UTF_8);
      assertThat(unMarkdown(md).strip()).isEqualTo(safe);
      assertThat(words(pdfText(bytes(http, s + "/export?format=pdf")))).isEqualTo(words(safe));

      // A story drawn from nothing has nobody to ask.
      Http.Response consent = http.post(s + "/consent-request", Map.of());
      assertThat(consent.status()).isEqualTo(409);
      assertThat(consent.json().get("error").stringValue()).isEqualTo("not_from_a_case");
    }
  }

  @Test
  void closingACase_destroysItsStoryDrafts() {
    try (TestOffice t = TestOffice.create().serve()) {
      Ref ref = referenceCase(t);
      Http http = ref.http();
      String id =
          http.post("/api/v1/stories", Map.of("caseId", ref.caseId(), "audience", 2500))
              .json()
              .get("id")
              .stringValue();
      String caseless =
          http.post(
                  "/api/v1/stories",
                  Map.of("text", "Ottoline* came.\n\n" + Disclaimer.ENGLISH, "audience", 2500))
              .json()
              .get("id")
              .stringValue();
      assertThat(http.get("/api/v1/stories/" + id).status()).isEqualTo(200);
      assertThat(
              http.post("/api/v1/cases/" + ref.caseId() + "/close", Map.of("outcome", "RESOLVED"))
                  .status())
          .isEqualTo(200);

      assertThat(http.get("/api/v1/stories/" + id).status()).isEqualTo(404);
      assertThat(new JdbiStoryStore(t.office.db()).find(id)).isEmpty();
      List<String> listed = new ArrayList<>();
      http.get("/api/v1/stories").json().forEach(n -> listed.add(n.get("id").stringValue()));
      assertThat(listed).containsExactly(caseless);
    }
  }
}
