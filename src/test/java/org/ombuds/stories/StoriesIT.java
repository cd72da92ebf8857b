package org.ombuds.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ombuds.store.JdbiStoryStore;
import org.ombuds.testing.Http;
import org.ombuds.testing.Releases;
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
      assertThat(Releases.consentInPerson(http, d, ref.jane()).status()).isEqualTo(201);
      String edited =
          draft.replace(Disclaimer.ENGLISH, "Contact the Ombuds early!\n\n" + Disclaimer.ENGLISH);
      Http.Response edit = http.put(s, Map.of("text", edited));
      assertThat(edit.status()).as(edit.body()).isEqualTo(200);
      Http.Response early = http.post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(early.status()).isEqualTo(409);
      assertThat(early.json().get("error").stringValue()).isEqualTo("consent_required");
      assertThat(http.get(s + "/export?format=html").status()).isEqualTo(409);

      // Consent to the current version, release: the exports are exactly the consented text.
      assertThat(Releases.consentInPerson(http, d, ref.jane()).status()).isEqualTo(201);
      Http.Response released = http.post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);
      String consented = http.get(d).json().get("text").stringValue();
      assertThat(consented).isEqualTo(edited.strip());
      assertThat(http.get(s).json().get("status").stringValue()).isEqualTo("RELEASED");

      String md = new String(http.bytes(s + "/export?format=markdown"), StandardCharsets.UTF_8);
      assertThat(unMarkdown(md).strip()).isEqualTo(consented);
      String html = new String(http.bytes(s + "/export?format=html"), StandardCharsets.UTF_8);
      assertThat(unHtml(html)).isEqualTo(consented);
      assertThat(html).doesNotContain("http://", "https://", "<script", "src=");
      String pdf = pdfText(http.bytes(s + "/export?format=pdf"));
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

  private static final Map<String, Object> IMMINENT_AND_SERIOUS =
      Releases.imminentHarm("A threat to hurt a colleague tonight", "Specific, dated, credible");

  /** The story's disclosure path once sent for consent. */
  private static String sendForConsent(Ref ref, String storyPath) {
    JsonNode sent = ref.http().post(storyPath + "/consent-request", Map.of()).json();
    return "/api/v1/cases/"
        + ref.caseId()
        + "/disclosures/"
        + sent.get("disclosureId").stringValue();
  }

  private static Map<String, Object> content(
      String recipient, String identity, String channel, String text) {
    return Map.of("recipient", recipient, "identity", identity, "channel", channel, "text", text);
  }

  private static void assertRefused(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.json().get("error").stringValue()).isEqualTo(code);
  }

  @Test
  void aStorysDisclosure_isNeverReleasedUnderTheException_norEditedIntoAnotherDisclosure()
      throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Ref ref = referenceCase(t);
      Http http = ref.http();
      JsonNode story =
          http.post("/api/v1/stories", Map.of("caseId", ref.caseId(), "audience", 2500)).json();
      String s = "/api/v1/stories/" + story.get("id").stringValue();
      String draft = story.get("text").stringValue();
      String d = sendForConsent(ref, s);

      // Publishing averts no harm: the exception never releases a story, even when it is met.
      Http.Response harm = http.post(d + "/release", IMMINENT_AND_SERIOUS);
      assertRefused(harm, 422, "exception_not_met");
      assertThat(harm.json().get("message").stringValue()).contains("publication", "consent");
      assertThat(http.get(d).json().get("status").stringValue()).isEqualTo("DRAFT");
      assertThat(http.get(s).json().get("status").stringValue()).isEqualTo("AWAITING_CONSENT");
      assertRefused(http.get(s + "/export?format=pdf"), 409, "consent_required");

      // The story's disclosure stays an anonymous publication to the public, with the disclaimer.
      String stripped = draft.replace(Disclaimer.ENGLISH, "").strip();
      assertRefused(
          http.put(d, content(Stories.RECIPIENT, "NAMED", Stories.CHANNEL, draft)),
          422,
          "publication_anonymous");
      assertRefused(
          http.put(d, content("Head of HR", "ANONYMOUS", Stories.CHANNEL, draft)),
          422,
          "publication_fixed");
      assertRefused(
          http.put(d, content(Stories.RECIPIENT, "ANONYMOUS", "e-mail", draft)),
          422,
          "publication_fixed");
      assertRefused(
          http.put(d, content(Stories.RECIPIENT, "ANONYMOUS", Stories.CHANNEL, stripped)),
          422,
          "disclaimer_missing");
      JsonNode unchanged = http.get(d).json();
      assertThat(unchanged.get("version").asInt()).isEqualTo(1);
      assertThat(unchanged.get("text").stringValue()).isEqualTo(draft);

      // An edit that keeps the publication's rules is a new version, as for any disclosure.
      String edited =
          draft.replace(Disclaimer.ENGLISH, "Contact the Ombuds early!\n\n" + Disclaimer.ENGLISH);
      Http.Response edit =
          http.put(d, content(Stories.RECIPIENT, "ANONYMOUS", Stories.CHANNEL, edited));
      assertThat(edit.status()).as(edit.body()).isEqualTo(200);
      assertThat(edit.json().get("version").asInt()).isEqualTo(2);

      // With the consent of the person concerned to that version, it is released and exported.
      assertThat(Releases.consentInPerson(http, d, ref.jane()).status()).isEqualTo(201);
      Http.Response released = http.post(d + "/release", Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);
      String md = new String(http.bytes(s + "/export?format=markdown"), StandardCharsets.UTF_8);
      assertThat(unMarkdown(md).strip()).isEqualTo(edited.strip());
    }
  }

  /** Points story {@code storyId} at another disclosure, as a corrupted database might. */
  private static void pointAt(TestOffice t, String storyId, String disclosureId) {
    JdbiStoryStore store = new JdbiStoryStore(t.office.db());
    StoryStore.StoryRow row = store.find(storyId).orElseThrow();
    assertThat(
            store.update(
                new StoryStore.StoryRow(
                    row.id(),
                    row.caseId(),
                    java.util.Optional.of(disclosureId),
                    row.version() + 1,
                    row.audience(),
                    row.createdAt(),
                    row.updatedAt(),
                    row.data()),
                row.version()))
        .isTrue();
  }

  /** Drafts {@code content}, has Jane consent and releases it by consent; returns its id. */
  private static String releasedByConsent(Ref ref, Map<String, Object> content) {
    Http http = ref.http();
    String ds = "/api/v1/cases/" + ref.caseId() + "/disclosures";
    Http.Response drafted = http.post(ds, content);
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    String id = drafted.json().get("id").stringValue();
    assertThat(Releases.consentInPerson(http, ds + "/" + id, ref.jane()).status()).isEqualTo(201);
    Http.Response released = http.post(ds + "/" + id + "/release", Map.of("basis", "CONSENT"));
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    return id;
  }

  @Test
  void aStoryWhoseDisclosureIsNotAConsentedAnonymousPublication_isNotExported() throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Ref ref = referenceCase(t);
      Http http = ref.http();
      JsonNode story =
          http.post("/api/v1/stories", Map.of("caseId", ref.caseId(), "audience", 2500)).json();
      String storyId = story.get("id").stringValue();
      String s = "/api/v1/stories/" + storyId;
      String draft = story.get("text").stringValue();
      String d = sendForConsent(ref, s);
      String disclosureId = d.substring(d.lastIndexOf('/') + 1);

      // The story's own publication marked released without anyone's consent (as a release under
      // the exception would have): the story is not exported.
      org.ombuds.store.JdbiDisclosureStore disclosures =
          new org.ombuds.store.JdbiDisclosureStore(t.office.db());
      org.ombuds.mandate.DisclosureStore.DisclosureRow row =
          disclosures.findDisclosure(ref.caseId(), disclosureId).orElseThrow();
      assertThat(
              disclosures.updateDisclosure(
                  new org.ombuds.mandate.DisclosureStore.DisclosureRow(
                      row.id(),
                      row.caseId(),
                      "RELEASED",
                      row.version(),
                      row.createdAt(),
                      java.util.Optional.of(t.office.clock().instant()),
                      row.data()),
                  row.version(),
                  org.ombuds.mandate.DisclosureStatus.DRAFT))
          .isTrue();
      assertThat(http.get(s).json().get("status").stringValue()).isEqualTo("RELEASED");
      for (String format : List.of("markdown", "html", "pdf")) {
        Http.Response refused = http.get(s + "/export?format=" + format);
        assertRefused(refused, 409, "consent_required");
        assertThat(refused.json().get("message").stringValue()).contains("imminent-harm");
      }

      // A disclosure released under the exception, if the story pointed at it: not exported.
      String ds = "/api/v1/cases/" + ref.caseId() + "/disclosures";
      String letter =
          http.post(ds, content("Head of HR", "ANONYMOUS", "letter", draft))
              .json()
              .get("id")
              .stringValue();
      Http.Response harm = http.post(ds + "/" + letter + "/release", IMMINENT_AND_SERIOUS);
      assertThat(harm.status()).as(harm.body()).isEqualTo(200);
      pointAt(t, storyId, letter);
      assertRefused(http.get(s + "/export?format=markdown"), 409, "consent_required");

      // Consented and released, but named, or to someone else than the public: not a story.
      pointAt(t, storyId, releasedByConsent(ref, content("Head of HR", "NAMED", "letter", draft)));
      assertRefused(http.get(s + "/export?format=html"), 409, "not_publishable");
      pointAt(
          t, storyId, releasedByConsent(ref, content("Head of HR", "ANONYMOUS", "letter", draft)));
      assertRefused(http.get(s + "/export?format=pdf"), 409, "not_publishable");

      // A publication without the disclaimer, drafted by a mandate that did not check for it.
      String actor = t.office.accounts().accounts().get(0).id();
      org.ombuds.mandate.Mandate unchecked =
          new org.ombuds.mandate.Mandate(
              disclosures,
              t.office.cases(),
              t.office.audit(),
              t.office.db(),
              t.office.clock(),
              new org.ombuds.mandate.Mandate.Ports(
                  () -> 1,
                  t.office.exits(),
                  () ->
                      new org.ombuds.mandate.PendingConsents() {
                        @Override
                        public void apply(String actorId, String caseId, String disclosureId) {}

                        @Override
                        public void estimateChanged(
                            String actorId,
                            String caseId,
                            String disclosureId,
                            List<String> personIds) {}
                      },
                  content -> {}));
      String bare =
          unchecked
              .draft(
                  actor,
                  ref.caseId(),
                  new org.ombuds.mandate.DraftContent(
                      Stories.RECIPIENT,
                      org.ombuds.mandate.IdentityMode.ANONYMOUS,
                      Stories.CHANNEL,
                      draft.replace(Disclaimer.ENGLISH, "").strip(),
                      List.of()))
              .id();
      unchecked.consent(
          actor,
          ref.caseId(),
          bare,
          ref.jane(),
          org.ombuds.mandate.ConsentMethod.IN_PERSON,
          org.ombuds.mandate.Mandate.Shown.version(1));
      assertThat(
              unchecked.release(
                  actor,
                  ref.caseId(),
                  bare,
                  org.ombuds.mandate.Basis.CONSENT,
                  java.util.Optional.empty(),
                  java.util.Optional.empty()))
          .isInstanceOf(org.ombuds.mandate.Mandate.ReleaseOutcome.Released.class);
      pointAt(t, storyId, bare);
      assertRefused(http.get(s + "/export?format=markdown"), 409, "disclaimer_missing");

      // Every refusal audited with ids only.
      List<String> outcomes = new ArrayList<>();
      new org.ombuds.store.JdbiAuditStore(t.office.db())
          .forEachInOrder(
              e -> {
                if (e.kind() == org.ombuds.audit.AuditKind.STORY_EXPORTED) {
                  outcomes.add(e.outcome());
                }
              });
      assertThat(outcomes).hasSize(7).allMatch(o -> o.equals(storyId + ":refused"));
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
      String md = new String(http.bytes(s + "/export?format=markdown"), StandardCharsets.UTF_8);
      assertThat(unMarkdown(md).strip()).isEqualTo(safe);
      assertThat(words(pdfText(http.bytes(s + "/export?format=pdf")))).isEqualTo(words(safe));

      // A story drawn from nothing has nobody to ask.
      Http.Response consent = http.post(s + "/consent-request", Map.of());
      assertThat(consent.status()).isEqualTo(409);
      assertThat(consent.json().get("error").stringValue()).isEqualTo("not_from_a_case");
    }
  }

  @Test
  void aStoryWithoutACase_isBlockedByANameOfACaseTheOmbudsIsRecusedFrom_revealingNothingOfIt()
      throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String beaId = TestOffice.addColleague(a);
      Http b = t.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String caseId =
          a.post(
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
          a.post(
                  "/api/v1/cases/" + caseId + "/persons",
                  Map.of("role", "VISITOR", "name", "Hélène Dubois"))
              .json()
              .get("pseudonym")
              .stringValue();
      assertThat(
              a.post("/api/v1/cases/" + caseId + "/recuse", Map.of("handOverTo", beaId)).status())
          .isEqualTo(200);
      assertThat(a.get("/api/v1/cases/" + caseId).status()).isEqualTo(404);

      String leaky = "Ottoline* met HELENE in the corridor.\n\n" + Disclaimer.ENGLISH;
      JsonNode story = a.post("/api/v1/stories", Map.of("text", leaky, "audience", 2500)).json();
      String s = "/api/v1/stories/" + story.get("id").stringValue();

      // The recused Ombuds learns only that the text may identify someone: not which word, case,
      // person or kind of detail (the exit check's generic refusal, the same whatever matched).
      Http.Response check = a.post(s + "/check", Map.of());
      assertThat(check.json().get("cleared").booleanValue()).isFalse();
      assertThat(check.json().get("matches").size()).isZero();
      assertThat(check.json().get("message").stringValue())
          .isEqualTo(org.ombuds.mandate.ExitCheck.GENERIC);
      String bare = pseudonym.replace("*", "");
      // The generic refusal's own example name (Jane*) may be the pseudonym drawn for this person;
      // what must not appear is anything beyond that fixed text.
      assertThat(beyondGeneric(check.body()))
          .doesNotContain(bare, "HELENE", "Dubois", "Secret title", caseId);
      Http.Response blocked = a.get(s + "/export?format=markdown");
      assertRefused(blocked, 409, "open_case_match");
      assertThat(blocked.json().get("message").stringValue())
          .isEqualTo(org.ombuds.mandate.ExitCheck.GENERIC);
      assertThat(beyondGeneric(blocked.body()))
          .doesNotContain(bare, "HELENE", "Dubois", "Secret title", caseId);

      // The Ombuds who handles the case sees whose name it is.
      JsonNode seen = b.post(s + "/check", Map.of()).json().get("matches").get(0);
      assertThat(seen.get("pseudonym").stringValue()).isEqualTo(pseudonym);

      // Without the name, the recused Ombuds exports it.
      String safe = "Ottoline* met a colleague in the corridor.\n\n" + Disclaimer.ENGLISH;
      assertThat(a.put(s, Map.of("text", safe)).status()).isEqualTo(200);
      String md = new String(a.bytes(s + "/export?format=markdown"), StandardCharsets.UTF_8);
      assertThat(unMarkdown(md).strip()).isEqualTo(safe);
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

  private static String beyondGeneric(String body) {
    assertThat(body).contains(org.ombuds.mandate.ExitCheck.GENERIC);
    return body.replace(org.ombuds.mandate.ExitCheck.GENERIC, "");
  }
}
