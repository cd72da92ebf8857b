package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.web.PageSession.f;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.account.Account;
import org.ombuds.audit.AuditKind;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.PersonRole;
import org.ombuds.mandate.DisclosureStatus;
import org.ombuds.mandate.DisclosureView;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/**
 * The mandate's pages over HTTP, as a browser without JavaScript uses them (forms with their token,
 * 303 after a change, the page with an explanation after a refusal), plus htmx's live risk preview:
 * composing with the risk estimate, consent to an exact version, release and its refusals in plain
 * words, the imminent-harm exception, letters, withdrawal, and all of it in French.
 */
class DisclosurePagesIT {
  private static final Pattern CASE_LOCATION =
      Pattern.compile("^/cases/([0-9a-f-]{36})\\?done=created$");
  private static final Pattern DRAFT_LOCATION =
      Pattern.compile("^/cases/[0-9a-f-]{36}/disclosures/([0-9a-f-]{36})\\?done=drafted$");

  /** A message key shown instead of its text. */
  private static final Pattern RAW_KEY =
      Pattern.compile(
          "\\b(risk|consents?|release|exception|draft|composer|disclosure|communications?|identity"
              + "|edit|withdraw|mandate)\\.[a-zA-Z]+(\\.[A-Za-z_]+)*\\b(?![\"/])");

  private static final String RECIPIENT = "Senior group leader, Operations";
  private static final String NAMING_TEXT =
      "Jane from your group told me that Mike ignores the safety rules.";
  private static final String SAFE_TEXT =
      "Please remind the whole group of the safety rules that apply to the operations.";

  private static TestOffice office;
  private static int counter;

  @BeforeAll
  static void start() {
    office = TestOffice.create().serve();
  }

  @AfterAll
  static void stop() {
    office.close();
  }

  // ---------------------------------------------------------------- helpers

  /** The basic page checks, plus: no message key shown raw. */
  private static Http.Response checked(Http.Response r) {
    PageSession.basicChecks(r);
    String type = r.header("Content-Type");
    if (type != null && type.startsWith("text/html")) {
      Matcher key = RAW_KEY.matcher(r.body());
      assertThat(key.find()).as("a message key shown raw: %s", key.results().toList()).isFalse();
    }
    return r;
  }

  private static PageSession login(String username, String passphrase) {
    return PageSession.login(office.http(), username, passphrase, DisclosurePagesIT::checked);
  }

  private static PageSession ombuds() {
    return login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
  }

  private static String accountId(String username) {
    return office.office.accounts().accounts().stream()
        .filter(a -> a.username().value().equals(username))
        .map(Account::id)
        .findFirst()
        .orElseThrow();
  }

  private static String actor() {
    return accountId(TestOffice.USERNAME);
  }

  /** Adds an Ombuds account through the API. */
  private static void addAccount(String username, String passphrase) {
    office.addOmbuds(username, passphrase);
  }

  private static synchronized String unique(String word) {
    counter++;
    return word + counter + "x" + System.nanoTime() % 100_000;
  }

  /** A case of the reference story: Jane, the visitor, and Mike, the other party. */
  private record Story(PageSession b, String caseId, String title, String jane, String mike) {
    String base() {
      return "/cases/" + caseId + "/disclosures";
    }

    String janeSeen() {
      return office.office.cases().get(accountId(TestOffice.USERNAME), caseId).persons().stream()
          .filter(p -> p.id().equals(jane))
          .map(CaseView.PersonView::pseudonym)
          .findFirst()
          .orElseThrow();
    }
  }

  private static Story story(PageSession b) {
    String title = unique("Safety concerns ");
    Http.Response r =
        b.submit(
            "/cases",
            List.of(
                f("title", title),
                f("categories", "6a"),
                f("unit_name", "Operations group"),
                f("unit_size", "8"),
                f("comp_dimension", "gender"),
                f("comp_group", "women"),
                f("comp_count", "2"),
                f("comp_dimension", "gender"),
                f("comp_group", "men"),
                f("comp_count", "6")));
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    Matcher m = CASE_LOCATION.matcher(r.header("Location"));
    assertThat(m.matches()).isTrue();
    String id = m.group(1);
    assertThat(
            b.submit("/cases/" + id + "/persons", List.of(f("role", "VISITOR"), f("name", "Jane")))
                .status())
        .isEqualTo(303);
    assertThat(
            b.submit(
                    "/cases/" + id + "/persons",
                    List.of(f("role", "OTHER_PARTY"), f("name", "Mike Roe")))
                .status())
        .isEqualTo(303);
    CaseView c = office.office.cases().get(actor(), id);
    String jane = personId(c, PersonRole.VISITOR);
    String mike = personId(c, PersonRole.OTHER_PARTY);
    return new Story(b, id, title, jane, mike);
  }

  private static String personId(CaseView c, PersonRole role) {
    return c.persons().stream()
        .filter(p -> p.role() == role)
        .map(CaseView.PersonView::id)
        .findFirst()
        .orElseThrow();
  }

  private static List<Map.Entry<String, String>> draftFields(
      Story s, String text, String identity) {
    return List.of(
        f("recipient", RECIPIENT),
        f("channel", "letter"),
        f("identity", identity),
        f("concerns", s.jane()),
        f("text", text));
  }

  /** Saves a draft through the composer; returns its id. */
  private static String compose(Story s, String text, String identity) {
    Http.Response r = s.b().submit(s.base(), draftFields(s, text, identity));
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    Matcher m = DRAFT_LOCATION.matcher(r.header("Location"));
    assertThat(m.matches()).as(r.header("Location")).isTrue();
    return m.group(1);
  }

  private static DisclosureView disclosure(Story s, String id) {
    return office.office.mandate().get(actor(), s.caseId(), id);
  }

  private static Http.Response consent(Story s, String d, int version) {
    return s.b()
        .submit(
            s.base() + "/" + d + "/consent",
            List.of(
                f("person", s.jane()), f("version", Integer.toString(version)), f("shown", "yes")));
  }

  // ---------------------------------------------------------------- tests

  @Test
  void a_composer_posted_without_the_visitor_still_concerns_her() {
    // The careless or conflicted Ombuds strips the locked visitor from the form and ticks only the
    // other party: the draft concerns both, and the visitor's consent is still needed.
    Story s = story(ombuds());
    Http.Response r =
        s.b()
            .submit(
                s.base(),
                List.of(
                    f("recipient", RECIPIENT),
                    f("channel", "letter"),
                    f("identity", "ANONYMOUS"),
                    f("concerns", s.mike()),
                    f("text", "A general reminder of the safety rules.")));
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    Matcher m = DRAFT_LOCATION.matcher(r.header("Location"));
    assertThat(m.matches()).as(r.header("Location")).isTrue();
    assertThat(disclosure(s, m.group(1)).content().concerns()).contains(s.jane(), s.mike());
  }

  @Test
  void the_case_page_lists_communications_and_the_composer_ticks_the_visitor() {
    Story s = story(ombuds());
    Http.Response empty = s.b().get("/cases/" + s.caseId());
    assertThat(empty.body())
        .contains("<section id=\"communications\"")
        .contains("No communication yet.")
        .contains("href=\"" + s.base() + "/new\"")
        .contains("New communication");

    Http.Response form = s.b().get(s.base() + "/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains("<h1>New communication</h1>")
        // The visitor confided in the office: ticked and locked, with the reason.
        .contains("<input type=\"hidden\" name=\"concerns\" value=\"" + s.jane() + "\">")
        .contains("concerns-" + s.jane() + "\" checked disabled")
        .contains("Always concerned: confided in the office")
        .doesNotContain("value=\"" + s.mike() + "\" checked")
        .contains("value=\"ANONYMOUS\" checked")
        .contains("The recipient is not told who raised the matter.")
        .contains("The recipient is told who raised the matter.")
        .contains("hx-post=\"" + s.base() + "/preview\"")
        .contains("delay:600ms")
        .contains("Check the risk without saving");

    String d = compose(s, NAMING_TEXT, "ANONYMOUS");
    Http.Response list = s.b().get("/cases/" + s.caseId());
    assertThat(list.body())
        .contains("href=\"" + s.base() + "/" + d + "\">" + RECIPIENT + "</a>")
        .contains("<td>Anonymous</td>")
        .contains("<td>Draft</td>")
        .contains("High risk");
  }

  @Test
  void an_anonymous_draft_naming_the_visitor_shows_high_risk_and_the_finding() {
    Story s = story(ombuds());
    String d = compose(s, NAMING_TEXT, "ANONYMOUS");
    Http.Response page = s.b().get(s.base() + "/" + d + "?done=drafted");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Draft saved. Nothing has left the office.")
        .contains("High risk")
        .contains("The recipient could probably guess, or already knows, who spoke.")
        .contains("About one person in the unit fits this description")
        .contains("<mark>Jane</mark>")
        .contains("Estimate saved with version 1.")
        .contains("How to lower the risk:")
        .contains("Version 1");
    assertThat(disclosure(s, d).risk().level()).isEqualTo("HIGH");
  }

  @Test
  void the_preview_returns_the_panel_and_saves_nothing() {
    Story s = story(ombuds());
    int before = office.office.mandate().list(actor(), s.caseId()).size();
    int audited = GuardsIT.kinds(office).size();
    Http.Response preview =
        s.b()
            .submit(
                s.base() + "/preview",
                draftFields(s, NAMING_TEXT, "ANONYMOUS"),
                "HX-Request",
                "true");
    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.body())
        .doesNotContain("<html")
        .contains("High risk")
        .contains("<mark>Jane</mark>")
        .contains("Estimate for the text as typed (not saved).");
    Http.Response safe =
        s.b()
            .submit(
                s.base() + "/preview",
                draftFields(s, SAFE_TEXT, "ANONYMOUS"),
                "HX-Request",
                "true");
    assertThat(safe.body()).doesNotContain("<mark>").doesNotContain("High risk");
    Http.Response blank =
        s.b()
            .submit(s.base() + "/preview", draftFields(s, "  ", "ANONYMOUS"), "HX-Request", "true");
    assertThat(blank.body()).contains("Type the text to see");
    Http.Response named =
        s.b()
            .submit(
                s.base() + "/preview", draftFields(s, SAFE_TEXT, "NAMED"), "HX-Request", "true");
    assertThat(named.body()).contains("names its source");

    // Without JavaScript, the composer's second button does the same: the page, nothing saved.
    List<Map.Entry<String, String>> check =
        new ArrayList<>(draftFields(s, NAMING_TEXT, "ANONYMOUS"));
    check.add(f("check", "yes"));
    Http.Response checkedPage = s.b().submit(s.base(), check);
    assertThat(checkedPage.status()).isEqualTo(200);
    assertThat(checkedPage.body())
        .contains("<mark>Jane</mark>")
        .contains(NAMING_TEXT + "</textarea>");

    assertThat(office.office.mandate().list(actor(), s.caseId())).hasSize(before);
    assertThat(GuardsIT.kinds(office)).as("nothing audited").hasSize(audited);
  }

  @Test
  void a_refused_draft_keeps_what_was_typed_with_each_message_next_to_its_field() {
    Story s = story(ombuds());
    Http.Response r =
        s.b()
            .submit(
                s.base(),
                List.of(f("recipient", " "), f("channel", "letter"), f("text", NAMING_TEXT)));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body())
        .contains("Say who receives the communication.")
        .contains("Choose named or anonymous.")
        .contains("Tick at least one person concerned.")
        .contains("id=\"draft-recipient-error\"")
        .contains(NAMING_TEXT + "</textarea>");
    assertThat(office.office.mandate().list(actor(), s.caseId())).isEmpty();
  }

  @Test
  void the_consent_page_shows_the_exact_text_and_version_and_refuses_an_outdated_version() {
    Story s = story(ombuds());
    String d = compose(s, NAMING_TEXT, "ANONYMOUS");
    List<Map.Entry<String, String>> edit = new ArrayList<>(draftFields(s, SAFE_TEXT, "ANONYMOUS"));
    edit.add(f("version", "1"));
    Http.Response edited = s.b().submit(s.base() + "/" + d, edit);
    assertThat(edited.status()).as(edited.body()).isEqualTo(303);
    assertThat(edited.header("Location")).endsWith("?done=edited");

    Http.Response page = s.b().get(s.base() + "/" + d + "/consent?person=" + s.jane());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<div class=\"exact-text\" id=\"consent-text\">" + SAFE_TEXT + "</div>")
        .contains("<strong>Version 2</strong>")
        .contains("name=\"version\" value=\"2\"")
        .contains(RECIPIENT)
        .contains("Anonymous. The recipient is not told who raised the matter.")
        .contains("I showed this exact text (version 2) to " + s.janeSeen())
        .contains("How: given in person, to you.");

    Http.Response stale = consent(s, d, 1);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body())
        .contains("you showed version 1, and it is now version 2")
        .contains("Nothing was recorded")
        .contains("name=\"version\" value=\"2\"");
    assertThat(disclosure(s, d).consents()).isEmpty();

    Http.Response unticked =
        s.b()
            .submit(
                s.base() + "/" + d + "/consent", List.of(f("person", s.jane()), f("version", "2")));
    assertThat(unticked.status()).isEqualTo(422);
    assertThat(unticked.body()).contains("Tick this box only once you have shown the exact text");

    Http.Response notConcerned = s.b().get(s.base() + "/" + d + "/consent?person=" + s.mike());
    assertThat(notConcerned.status()).isEqualTo(422);
    assertThat(notConcerned.body()).contains("That person is not concerned");

    Http.Response given = consent(s, d, 2);
    assertThat(given.status()).isEqualTo(303);
    assertThat(s.b().get(given.header("Location")).body())
        .contains("Consent recorded: " + s.janeSeen() + " (Jane), Visitor.")
        .contains("Consented to this version (2)")
        .contains("Everyone concerned consented to version 2")
        .contains("action=\"" + s.base() + "/" + d + "/consents/");

    // An edit now voids it, and the page says so.
    List<Map.Entry<String, String>> again =
        new ArrayList<>(draftFields(s, SAFE_TEXT + " Thank you.", "ANONYMOUS"));
    again.add(f("version", "2"));
    Http.Response third = s.b().submit(s.base() + "/" + d, again);
    assertThat(third.status()).isEqualTo(303);
    assertThat(s.b().get(third.header("Location")).body())
        .contains("Saved as version 3.")
        .contains("The consent given to an earlier version no longer covers the new text")
        .contains("Consented to version 2, but the text has changed since (it is now version 3)");

    // A second save of the same version is told of the conflict and keeps the typed text.
    List<Map.Entry<String, String>> late =
        new ArrayList<>(draftFields(s, "Typed by a second window.", "ANONYMOUS"));
    late.add(f("version", "2"));
    Http.Response conflict = s.b().submit(s.base() + "/" + d, late);
    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.body())
        .contains("it is now version 3")
        .contains("Typed by a second window.</textarea>")
        .contains("name=\"version\" value=\"3\"");
  }

  @Test
  void release_without_consent_explains_who_is_missing_and_nothing_is_released() {
    Story s = story(ombuds());
    String d = compose(s, SAFE_TEXT, "ANONYMOUS");
    Http.Response r = s.b().submit(s.base() + "/" + d + "/release", List.of());
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body())
        .contains("Nothing was released: one person concerned has not consented to this version.")
        .contains(s.janeSeen() + " (Jane), Visitor: Has not consented yet.")
        .contains("role=\"alert\"")
        .doesNotContain("consent_required");
    assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.DRAFT);

    assertThat(consent(s, d, 1).status()).isEqualTo(303);
    List<Map.Entry<String, String>> edit =
        new ArrayList<>(draftFields(s, SAFE_TEXT + " Thanks.", "ANONYMOUS"));
    edit.add(f("version", "1"));
    assertThat(s.b().submit(s.base() + "/" + d, edit).status()).isEqualTo(303);
    Http.Response changed = s.b().submit(s.base() + "/" + d + "/release", List.of());
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.body())
        .contains("Consented to version 1, but the text has changed since (it is now version 2)");
    assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.DRAFT);
    assertThat(s.b().get(s.base() + "/" + d + "/letter.txt").status())
        .as("no letter before release")
        .isEqualTo(409);
  }

  @Test
  void a_revoked_consent_no_longer_counts() {
    Story s = story(ombuds());
    String d = compose(s, SAFE_TEXT, "ANONYMOUS");
    assertThat(consent(s, d, 1).status()).isEqualTo(303);
    String consentId = disclosure(s, d).consents().get(0).id();
    Http.Response revoked =
        s.b().submit(s.base() + "/" + d + "/consents/" + consentId + "/revoke", List.of());
    assertThat(revoked.status()).isEqualTo(303);
    assertThat(s.b().get(revoked.header("Location")).body())
        .contains("Consent revoked.")
        .contains("Revoked their consent on");
    Http.Response r = s.b().submit(s.base() + "/" + d + "/release", List.of());
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body()).contains("Revoked their consent on");
  }

  @Test
  void with_consent_it_is_released_and_the_letter_links_work() throws Exception {
    Story s = story(ombuds());
    String d = compose(s, SAFE_TEXT, "ANONYMOUS");
    assertThat(consent(s, d, 1).status()).isEqualTo(303);
    Http.Response released = s.b().submit(s.base() + "/" + d + "/release", List.of());
    assertThat(released.status()).isEqualTo(303);
    assertThat(released.header("Location")).endsWith("?done=released");
    assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.RELEASED);

    Http.Response page = s.b().get(released.header("Location"));
    assertThat(page.body())
        .contains("Released. The letter can now be downloaded below.")
        .contains("href=\"" + s.base() + "/" + d + "/letter.pdf\"")
        .contains("Download the letter (PDF)")
        .contains("href=\"" + s.base() + "/" + d + "/letter.txt\"")
        .doesNotContain("action=\"" + s.base() + "/" + d + "/release\"")
        .doesNotContain("/revoke\"");

    Http.Response text = s.b().get(s.base() + "/" + d + "/letter.txt");
    assertThat(text.status()).isEqualTo(200);
    assertThat(text.header("Content-Type")).startsWith("text/plain");
    assertThat(text.body())
        .contains(SAFE_TEXT)
        .contains(RECIPIENT)
        .doesNotContain("Jane")
        .doesNotContain("Mike")
        .doesNotContain(s.title());

    Http.Response pdfHead = s.b().get(s.base() + "/" + d + "/letter.pdf");
    assertThat(pdfHead.status()).isEqualTo(200);
    assertThat(pdfHead.header("Content-Type")).startsWith("application/pdf");
    PdfReader reader = new PdfReader(s.b().bytes(s.base() + "/" + d + "/letter.pdf"));
    String pdfText = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
    reader.close();
    assertThat(pdfText).contains("Please remind the whole group").doesNotContain("Jane");
    assertThat(GuardsIT.kinds(office)).contains(AuditKind.DISCLOSURE_RELEASED, AuditKind.EXPORT);

    Http.Response again = s.b().submit(s.base() + "/" + d + "/release", List.of());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.body()).contains("This communication was already released.");
  }

  @Test
  void an_exception_that_is_not_imminent_is_refused_with_the_reason() {
    Story s = story(ombuds());
    String d = compose(s, "A colleague has announced he will sabotage the crane.", "ANONYMOUS");
    Http.Response form = s.b().get(s.base() + "/" + d + "/exception");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains(
            "The only exception to this rule is when the Ombuds deems there to be an imminent"
                + " threat of serious harm to person or property.")
        .contains("Is the threat imminent?")
        .contains("Is the harm serious?")
        .contains("To a person")
        .contains("To property");

    Http.Response incomplete =
        s.b().submit(s.base() + "/" + d + "/exception", List.of(f("threat", "Sabotage")));
    assertThat(incomplete.status()).isEqualTo(422);
    assertThat(incomplete.body())
        .contains("Choose a person or property.")
        .contains("Answer whether the threat is imminent.")
        .contains("Answer whether the harm is serious.")
        .contains("Give your reasoning.");

    Http.Response notImminent =
        s.b()
            .submit(
                s.base() + "/" + d + "/exception",
                List.of(
                    f("threat", "Safety rules ignored"),
                    f("target", "PERSON"),
                    f("imminent", "no"),
                    f("serious", "yes"),
                    f("reasoning", "High risk but nothing is about to happen")));
    assertThat(notImminent.status()).isEqualTo(422);
    assertThat(notImminent.body())
        .contains("Nothing was released.")
        .contains("The threat is not imminent, so the exception does not apply.")
        .contains("Your determination was recorded.")
        .contains("High risk but nothing is about to happen</textarea>")
        .doesNotContain("exception_not_met");
    assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.DRAFT);

    Http.Response neither =
        s.b()
            .submit(
                s.base() + "/" + d + "/exception",
                List.of(
                    f("threat", "Office supplies"),
                    f("target", "PROPERTY"),
                    f("imminent", "no"),
                    f("serious", "no"),
                    f("reasoning", "Minor")));
    assertThat(neither.body()).contains("The threat is neither imminent nor serious");
    assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.DRAFT);
  }

  @Test
  void an_exception_that_is_met_releases_without_consent() {
    Story s = story(ombuds());
    String d =
        compose(s, "A colleague has announced he will sabotage the crane tonight.", "ANONYMOUS");
    Http.Response met =
        s.b()
            .submit(
                s.base() + "/" + d + "/exception",
                List.of(
                    f("threat", "Sabotage of the crane tonight"),
                    f("target", "PERSON"),
                    f("imminent", "yes"),
                    f("serious", "yes"),
                    f("reasoning", "Specific, tonight, lives at risk")));
    assertThat(met.status()).as(met.body()).isEqualTo(303);
    assertThat(met.header("Location")).endsWith("?done=released");
    assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.RELEASED);
    assertThat(s.b().get(s.base() + "/" + d + "/letter.txt").body())
        .contains("sabotage the crane tonight");
  }

  @Test
  void when_the_office_requires_it_a_second_ombuds_confirms_the_exception() {
    addAccount("second", "second long passphrase");
    office.office.mandate().setExceptionNeedsSecond(actor(), true);
    try {
      Story s = story(ombuds());
      String d = compose(s, "Imminent danger to the night shift.", "ANONYMOUS");
      assertThat(s.b().get(s.base() + "/" + d + "/exception").body())
          .contains("This office requires a second Ombuds to confirm the exception");
      Http.Response waiting =
          s.b()
              .submit(
                  s.base() + "/" + d + "/exception",
                  List.of(
                      f("threat", "Danger tonight"),
                      f("target", "PERSON"),
                      f("imminent", "yes"),
                      f("serious", "yes"),
                      f("reasoning", "Credible")));
      assertThat(waiting.status()).isEqualTo(303);
      Matcher det =
          Pattern.compile("\\?done=awaiting&determination=([0-9a-f-]{36})#release$")
              .matcher(waiting.header("Location"));
      assertThat(det.find()).as(waiting.header("Location")).isTrue();
      Http.Response page = s.b().get(waiting.header("Location"));
      assertThat(page.body())
          .contains("Waiting for a second Ombuds")
          .contains("this office requires a second Ombuds to confirm it")
          .contains(
              "href=\"" + s.base() + "/" + d + "?determination=" + det.group(1) + "#release\"");
      assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.DRAFT);

      Http.Response self =
          s.b().submit(s.base() + "/" + d + "/release", List.of(f("confirm", det.group(1))));
      assertThat(self.status()).isEqualTo(422);
      assertThat(self.body())
          .contains("You made this determination yourself: another Ombuds must confirm it.");

      PageSession second = login("second", "second long passphrase");
      Http.Response link = second.get(s.base() + "/" + d + "?determination=" + det.group(1));
      assertThat(link.body())
          .contains("Confirm as second Ombuds")
          .contains("name=\"confirm\" value=\"" + det.group(1) + "\"");
      Http.Response confirmed =
          second.submit(s.base() + "/" + d + "/release", List.of(f("confirm", det.group(1))));
      assertThat(confirmed.status()).isEqualTo(303);
      assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.RELEASED);
      assertThat(GuardsIT.kinds(office)).contains(AuditKind.EXCEPTION_CONFIRMED);
    } finally {
      office.office.mandate().setExceptionNeedsSecond(actor(), false);
    }
  }

  @Test
  void withdrawing_needs_the_box_ticked_then_the_case_lists_it_as_withdrawn() {
    Story s = story(ombuds());
    String d = compose(s, SAFE_TEXT, "ANONYMOUS");
    Http.Response unsure = s.b().submit(s.base() + "/" + d + "/withdraw", List.of());
    assertThat(unsure.status()).isEqualTo(422);
    assertThat(unsure.body()).contains("Tick this box to confirm the withdrawal.");
    assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.DRAFT);
    Http.Response done =
        s.b().submit(s.base() + "/" + d + "/withdraw", List.of(f("understood", "yes")));
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.header("Location"))
        .isEqualTo("/cases/" + s.caseId() + "?done=withdrawn#communications");
    assertThat(s.b().get(done.header("Location")).body())
        .contains("The communication was withdrawn")
        .contains("<td>Withdrawn</td>");
    assertThat(disclosure(s, d).status()).isEqualTo(DisclosureStatus.WITHDRAWN);
    Http.Response consentLate = s.b().get(s.base() + "/" + d + "/consent?person=" + s.jane());
    assertThat(consentLate.status()).isEqualTo(409);
    assertThat(consentLate.body()).contains("This communication is no longer a draft");
  }

  @Test
  void unknown_addresses_and_forms_without_their_token_are_refused() {
    Story s = story(ombuds());
    String zero = "00000000-0000-4000-8000-000000000000";
    assertThat(s.b().get(s.base() + "/" + zero).status()).isEqualTo(404);
    assertThat(s.b().get(s.base() + "/" + zero).body())
        .contains("There is no such communication in this case.");
    assertThat(s.b().get(s.base() + "/not-an-id").status()).isEqualTo(404);
    assertThat(s.b().get("/cases/" + zero + "/disclosures/new").status()).isEqualTo(404);
    assertThat(s.b().post(s.base(), draftFields(s, SAFE_TEXT, "ANONYMOUS")).status())
        .isEqualTo(403);
    assertThat(s.b().post(s.base() + "/preview", draftFields(s, SAFE_TEXT, "ANONYMOUS")).status())
        .isEqualTo(403);
    assertThat(office.office.mandate().list(actor(), s.caseId())).isEmpty();
  }

  @Test
  void everything_is_in_french_when_the_accounts_language_is_french() {
    addAccount("francophone", "une phrase secrete assez longue");
    PageSession b = login("francophone", "une phrase secrete assez longue");
    assertThat(b.submit("/language", List.of(f("lang", "fr"), f("back", "/dashboard"))).status())
        .isEqualTo(303);
    Story s = story(b);
    List<String> english =
        List.of(
            "Nothing was released",
            "Communication to",
            "Consent of",
            "Record their consent",
            "High risk",
            "How to lower the risk",
            "is the name",
            "tells the recipient",
            "Save the draft");

    Http.Response composer = b.get(s.base() + "/new");
    assertThat(composer.body())
        .contains("lang=\"fr\"")
        .contains("<h1>Nouvelle communication</h1>")
        .contains("Anonyme")
        .contains("Vérifier le risque sans enregistrer");
    assertThat(b.get("/cases/" + s.caseId()).body()).contains("Nouvelle communication");

    Http.Response preview =
        b.submit(
            s.base() + "/preview", draftFields(s, NAMING_TEXT, "ANONYMOUS"), "HX-Request", "true");
    assertThat(preview.body())
        .contains("Risque élevé")
        .contains("« Jane » est le nom d'une personne du dossier.")
        .contains("Remplacez « Jane »");

    String d = compose(s, NAMING_TEXT, "ANONYMOUS");
    Http.Response page = b.get(s.base() + "/" + d + "?done=drafted");
    assertThat(page.body())
        .contains("Brouillon enregistré.")
        .contains("Risque élevé")
        .contains("Environ une personne du groupe correspond à cette description")
        .contains("N'a pas encore donné son accord.");
    Http.Response refused = b.submit(s.base() + "/" + d + "/release", List.of());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body())
        .contains("Rien n'a été libéré : une personne concernée doit encore accepter")
        .contains(s.janeSeen() + " (Jane), Visiteur");
    Http.Response consentPage = b.get(s.base() + "/" + d + "/consent?person=" + s.jane());
    assertThat(consentPage.body()).contains("J'ai montré ce texte exact (version 1)");
    Http.Response stale = consent(s, d, 7);
    assertThat(stale.body()).contains("vous avez montré la version 7");
    Http.Response exception =
        b.submit(
            s.base() + "/" + d + "/exception",
            List.of(
                f("threat", "Menace"),
                f("target", "PERSON"),
                f("imminent", "no"),
                f("serious", "yes"),
                f("reasoning", "Rien de proche")));
    assertThat(exception.body())
        .contains("La menace n'est pas imminente")
        .contains("La seule exception à cette règle");
    for (Http.Response r :
        List.of(composer, preview, page, refused, consentPage, stale, exception)) {
      for (String words : english) {
        assertThat(r.body()).as("English left in a French page").doesNotContain(words);
      }
    }
    assertThat(I18n.of("fr").t("release.refusedConsent", 2))
        .isEqualTo(
            "Rien n'a été libéré : 2 personnes concernées doivent encore accepter cette version.");
  }
}
