package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.web.PageSession.f;
import static org.ombuds.web.PageSession.hiddenCsrf;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.account.Account;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/**
 * The case file's pages over HTTP, as a browser without JavaScript uses them: forms with their
 * token, 303 after a change, 422 with the input kept after a refusal; and htmx's requests to the
 * same addresses.
 */
class CasePagesIT {
  private static final Pattern CASE_LOCATION =
      Pattern.compile("^/cases/([0-9a-f-]{36})\\?done=created$");
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

  private static Http.Response checked(Http.Response r) {
    return PageSession.basicChecks(r);
  }

  private static PageSession login(String username, String passphrase) {
    return PageSession.login(office.http(), username, passphrase, CasePagesIT::checked);
  }

  private static PageSession ombuds() {
    return login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
  }

  /** Adds an Ombuds account; returns its id. */
  private static String addAccount(String username, String passphrase) {
    return office.addOmbuds(username, passphrase);
  }

  private static synchronized String unique(String word) {
    counter++;
    return word + counter + "x" + System.nanoTime() % 100_000;
  }

  /** Opens a case through the form; returns its id. */
  private static String createCase(PageSession b, String title) {
    Http.Response r =
        b.submit(
            "/cases",
            List.of(
                f("title", title),
                f("categories", "2b"),
                f("categories", "3f"),
                f("unit_name", "Finance team"),
                f("unit_size", "12"),
                f("comp_dimension", "gender"),
                f("comp_group", "women"),
                f("comp_count", "3"),
                f("comp_dimension", ""),
                f("comp_group", ""),
                f("comp_count", "")));
    assertThat(r.status()).as(r.body()).isEqualTo(303);
    Matcher m = CASE_LOCATION.matcher(r.header("Location"));
    assertThat(m.matches()).as(r.header("Location")).isTrue();
    return m.group(1);
  }

  private static String today() {
    return LocalDate.now(ZoneId.systemDefault()).toString();
  }

  // ---------------------------------------------------------------- tests

  @Test
  void both_bundles_have_the_same_keys_and_every_pattern_is_valid() {
    Properties en = bundle("messages_en.properties");
    Properties fr = bundle("messages_fr.properties");
    assertThat(fr.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    Pattern loneQuote = Pattern.compile("(?<!')'(?!')");
    for (Properties p : List.of(en, fr)) {
      for (String key : p.stringPropertyNames()) {
        String value = p.getProperty(key);
        assertThat(loneQuote.matcher(value).find())
            .as("apostrophe written '' in %s", key)
            .isFalse();
        assertThat(new MessageFormat(value).format(new Object[] {1, 2, 3})).isNotBlank();
      }
    }
  }

  private static Properties bundle(String name) {
    try (InputStream in = I18n.class.getResourceAsStream(name)) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void a_case_opened_through_the_form_shows_on_the_dashboard_and_in_the_list() {
    PageSession b = ombuds();
    Http.Response form = b.get("/cases/new");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains("<legend>Categories</legend>")
        .contains("Respect/Treatment")
        .contains("name=\"_csrf\"")
        .contains("hx-post=\"/cases\"");
    String title = unique("Dispute in finance ");
    String id = createCase(b, title);

    Http.Response page = b.get("/cases/" + id + "?done=created");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1 id=\"case-heading\">" + title + "</h1>")
        .contains("The case is open.")
        .contains("Evaluative Relationships: Respect/Treatment")
        .contains("Peer and Colleague Relationships: Bullying, Mobbing")
        .contains("gender / women: 3")
        .contains("Finance team (12 people)");

    Http.Response dash = b.get("/dashboard");
    assertThat(dash.body()).contains("href=\"/cases/" + id + "\">" + title + "</a>");
    Http.Response list = b.get("/cases");
    assertThat(list.body()).contains(title).contains("<th scope=\"col\">");
    assertThat(b.get("/cases?category=2").body()).as("IOA heading filter").contains(title);
    assertThat(b.get("/cases?category=2b").body()).contains(title);
    assertThat(b.get("/cases?category=5c").body()).doesNotContain(title);
    assertThat(b.get("/cases?status=closed").body()).doesNotContain(title);
  }

  @Test
  void a_form_without_its_token_is_refused() {
    PageSession b = ombuds();
    Http.Response r =
        b.post("/cases", List.of(f("title", "No token"), f("unit_name", "U"), f("unit_size", "3")));
    assertThat(r.status()).isEqualTo(403);
    String id = createCase(b, unique("Token check "));
    assertThat(b.post("/cases/" + id + "/notes", List.of(f("text", "x"))).status()).isEqualTo(403);
    assertThat(
            b.post("/cases/" + id + "/notes", List.of(f("text", "x"), f("_csrf", "forged")))
                .status())
        .isEqualTo(403);
    assertThat(b.post("/language", List.of(f("lang", "fr"))).status()).isEqualTo(403);
  }

  @Test
  void refused_input_answers_422_with_the_messages_next_to_the_fields_and_keeps_what_was_typed() {
    PageSession b = ombuds();
    Http.Response r =
        b.submit(
            "/cases",
            List.of(
                f("title", "  "),
                f("categories", "2b"),
                f("unit_name", "Kept unit name"),
                f("unit_size", "twelve"),
                f("comp_dimension", "gender"),
                f("comp_group", ""),
                f("comp_count", "3")));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body())
        .contains("Give the case a title.")
        .contains("Enter a whole number from 1 to 1,000,000.")
        .contains("Row 1: fill in the dimension, the group and the count")
        .contains("value=\"Kept unit name\"")
        .contains("value=\"twelve\"")
        .contains("value=\"2b\" checked")
        .contains(
            "aria-invalid=\"true\" aria-describedby=\"case-title-error case-title-hint\" autofocus")
        .contains("id=\"case-title-error\"")
        .contains("role=\"alert\"");

    String id = createCase(b, unique("Validation "));
    Http.Response note = b.submit("/cases/" + id + "/notes", List.of(f("text", "   ")));
    assertThat(note.status()).isEqualTo(422);
    assertThat(note.body()).contains("Write something here.").contains("id=\"note-text-error\"");

    Http.Response contact =
        b.submit(
            "/cases/" + id + "/contacts",
            List.of(
                f("date", "2999-01-01"),
                f("modality", "PHONE"),
                f("minutes", "5000"),
                f("text", "Typed contact text")));
    assertThat(contact.status()).isEqualTo(422);
    assertThat(contact.body())
        .contains("A contact cannot be in the future.")
        .contains("Enter a whole number of minutes from 0 to 1,440.")
        .contains("Typed contact text</textarea>");

    Http.Response person =
        b.submit(
            "/cases/" + id + "/persons",
            List.of(f("role", "WITNESS"), f("name", "Kept Name"), f("gender", "WOMAN")));
    assertThat(person.status()).isEqualTo(422);
    assertThat(person.body())
        .contains("kept for visitors only")
        .contains("value=\"Kept Name\"")
        .contains("value=\"WOMAN\" selected");

    // htmx asks for the same page and takes the section from it.
    Http.Response htmx =
        b.submit("/cases/" + id + "/notes", List.of(f("text", "")), "HX-Request", "true");
    assertThat(htmx.status()).isEqualTo(422);
    assertThat(htmx.body()).contains("<section id=\"notes\"").contains("Write something here.");
  }

  @Test
  void people_notes_contacts_options_and_reminders_are_added_through_their_forms() {
    PageSession b = ombuds();
    String title = unique("Sections ");
    String id = createCase(b, title);
    String base = "/cases/" + id;

    Http.Response person =
        b.submit(
            base + "/persons",
            List.of(
                f("role", "VISITOR"),
                f("name", "Margarethe Quillfeather"),
                f("contract", "STAFF"),
                f("gender", "WOMAN"),
                f("age", "FROM_35_TO_44")));
    assertThat(person.status()).isEqualTo(303);
    assertThat(person.header("Location")).startsWith(base + "?done=person&item=");
    Http.Response afterPerson = b.get(person.header("Location"));
    Matcher pseudonym =
        Pattern.compile("Person added, with the pseudonym ([A-Z][a-z]+\\*)\\.")
            .matcher(afterPerson.body());
    assertThat(pseudonym.find()).as("pseudonym announced").isTrue();
    assertThat(afterPerson.body())
        .contains("<th scope=\"row\">" + pseudonym.group(1) + "</th>")
        .contains("Margarethe Quillfeather")
        .contains("Staff")
        .contains("35 to 44");
    assertThat(b.submit(base + "/persons", List.of(f("role", "WITNESS"))).status()).isEqualTo(303);
    assertThat(b.get(base).body()).contains("anonymous");

    String noteWord = unique("zebrafinch");
    Http.Response note =
        b.submit(base + "/notes", List.of(f("text", "First meeting; " + noteWord + " mentioned.")));
    assertThat(note.status()).isEqualTo(303);
    assertThat(note.header("Location")).isEqualTo(base + "?done=note#notes");
    assertThat(b.get(base).body()).contains("First meeting; " + noteWord + " mentioned.");

    Http.Response contact =
        b.submit(
            base + "/contacts",
            List.of(
                f("date", today()),
                f("modality", "PHONE"),
                f("minutes", "45"),
                f("text", "Called back about the meeting")));
    assertThat(contact.status()).isEqualTo(303);
    assertThat(b.get(base).body())
        .contains("Phone")
        .contains("45 min")
        .contains("Called back about the meeting");

    Http.Response option =
        b.submit(
            base + "/options",
            List.of(
                f("kind", "RAISE_ANONYMOUSLY"),
                f("decision", "PROPOSED"),
                f("reason", "Wants to stay unnamed")));
    assertThat(option.status()).isEqualTo(303);
    String withOption = b.get(base).body();
    assertThat(withOption)
        .contains("The Ombuds raises the matter without naming the visitor")
        .contains("Proposed, not decided yet")
        .contains("Wants to stay unnamed");
    Matcher decide =
        Pattern.compile("action=\"" + base + "/options/([0-9a-f-]{36})\"").matcher(withOption);
    assertThat(decide.find()).isTrue();
    Http.Response decided =
        b.submit(
            base + "/options/" + decide.group(1),
            List.of(f("decision", "ACCEPTED"), f("reason", "")),
            "HX-Request",
            "true");
    assertThat(decided.status()).isEqualTo(303);
    String afterDecision = b.get(base + "?done=decision").body();
    assertThat(afterDecision)
        .contains("Decision saved.")
        .contains("<td>Accepted</td>")
        .contains("Wants to stay unnamed");

    String due = LocalDate.now(ZoneId.systemDefault()).plusDays(3).toString();
    String reminderText = unique("Send the follow-up letter ");
    Http.Response reminder =
        b.submit(base + "/reminders", List.of(f("due", due), f("text", reminderText)));
    assertThat(reminder.status()).isEqualTo(303);
    String withReminder = b.get(base).body();
    assertThat(withReminder).contains(reminderText).contains("Mark as done");
    assertThat(b.get("/dashboard").body())
        .contains(reminderText)
        .contains("href=\"" + base + "#reminders\"");
    Matcher done =
        Pattern.compile("action=\"(" + base + "/reminders/[0-9a-f-]{36}/done)\"")
            .matcher(withReminder);
    assertThat(done.find()).isTrue();
    assertThat(b.submit(done.group(1), List.of()).status()).isEqualTo(303);
    assertThat(b.get(base + "?done=reminderDone").body())
        .contains("Reminder marked as done.")
        .doesNotContain("Mark as done");
    assertThat(b.get("/dashboard").body()).doesNotContain(reminderText);
  }

  @Test
  void search_finds_a_case_by_a_word_of_a_note_and_by_a_persons_name() {
    PageSession b = ombuds();
    String title = unique("Searchable ");
    String id = createCase(b, title);
    String word = unique("marmalade");
    String name = unique("Thelonius");
    assertThat(b.submit("/cases/" + id + "/notes", List.of(f("text", "About " + word))).status())
        .isEqualTo(303);
    assertThat(
            b.submit(
                    "/cases/" + id + "/persons", List.of(f("role", "OTHER_PARTY"), f("name", name)))
                .status())
        .isEqualTo(303);
    assertThat(b.submit("/cases/search", List.of(f("q", word), f("status", "all"))).body())
        .contains(title)
        .contains("One case found.");
    assertThat(
            b.submit(
                    "/cases/search",
                    List.of(f("q", name.toUpperCase(java.util.Locale.ROOT)), f("status", "all")))
                .body())
        .contains(title);
    assertThat(
            b.submit("/cases/search", List.of(f("q", unique("nothingmatches")), f("status", "all")))
                .body())
        .doesNotContain(title)
        .contains("No case found.");
  }

  @Test
  void a_second_edit_with_the_same_version_is_told_of_the_conflict_and_keeps_its_text() {
    PageSession b = ombuds();
    String id = createCase(b, unique("Conflict "));
    String page = b.get("/cases/" + id).body();
    Matcher v = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
    assertThat(v.find()).isTrue();
    String version = v.group(1);
    Http.Response first =
        b.submit(
            "/cases/" + id,
            List.of(
                f("version", version),
                f("title", "Saved by the first"),
                f("unit_name", "Finance team"),
                f("unit_size", "12")));
    assertThat(first.status()).isEqualTo(303);
    Http.Response second =
        b.submit(
            "/cases/" + id,
            List.of(
                f("version", version),
                f("title", "Typed by the second, not lost"),
                f("categories", "4e"),
                f("unit_name", "Finance team"),
                f("unit_size", "12")));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body())
        .contains("Someone else saved this case while you were editing it")
        .contains("value=\"Typed by the second, not lost\"")
        .contains("value=\"4e\" checked")
        .contains("<h1 id=\"case-heading\">Saved by the first</h1>")
        .contains("<details class=\"edit\" open>");
    Matcher fresh = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(second.body());
    assertThat(fresh.find()).isTrue();
    assertThat(fresh.group(1)).as("saving again applies the kept input").isNotEqualTo(version);
  }

  @Test
  void french_changes_the_pages_and_is_remembered_for_the_account() {
    addAccount("francophone", "une phrase secrete assez longue");
    PageSession b = login("francophone", "une phrase secrete assez longue");
    assertThat(b.get("/dashboard").body()).contains("lang=\"en\"").contains("Open cases");
    Http.Response r = b.submit("/language", List.of(f("lang", "fr"), f("back", "/cases/new")));
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.header("Location")).isEqualTo("/cases/new");
    assertThat(r.cookie(Pages.LANG_COOKIE)).isEqualTo("fr");
    assertThat(b.get("/cases/new").body())
        .contains("lang=\"fr\"")
        .contains("Nouveau dossier")
        .contains("Relations hiérarchiques et d'évaluation");

    PageSession again = login("francophone", "une phrase secrete assez longue");
    Http.Response dash = again.get("/dashboard");
    assertThat(dash.body()).contains("lang=\"fr\"").contains("Tableau de bord");
    String id = createCase(again, unique("Dossier "));
    Http.Response refused = again.submit("/cases/" + id + "/notes", List.of(f("text", "")));
    assertThat(refused.body()).contains("Écrivez quelque chose ici.");
    assertThat(again.get("/cases/" + ZERO_ID).body()).contains("Ce dossier n'existe pas");

    // A redirect elsewhere is never followed.
    Http.Response offsite =
        again.submit("/language", List.of(f("lang", "en"), f("back", "//evil.example/")));
    assertThat(offsite.header("Location")).isEqualTo("/dashboard");
    assertThat(again.get("/dashboard").body()).contains("Open cases");
  }

  @Test
  void the_login_page_offers_the_language_too() {
    Http http = office.http();
    Http.Response form = checked(http.get("/login"));
    String pre = Auth.PRE_COOKIE + "=" + form.cookie(Auth.PRE_COOKIE);
    Http.Response r =
        http.postForm(
            "/language",
            Map.of("lang", "fr", "back", "/login", "_csrf", hiddenCsrf(form.body())),
            pre);
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.header("Location")).isEqualTo("/login");
    String lang = Pages.LANG_COOKIE + "=" + r.cookie(Pages.LANG_COOKIE);
    assertThat(checked(http.getWithCookies("/login", lang)).body()).contains("Phrase secrète");
    assertThat(http.postForm("/language", Map.of("lang", "fr"), pre).status()).isEqualTo(403);
  }

  private static final String ZERO_ID = "00000000-0000-4000-8000-000000000000";

  @Test
  void closing_through_the_confirmation_page_destroys_the_content() {
    PageSession b = ombuds();
    String title = unique("To close ");
    String id = createCase(b, title);
    String word = unique("pelican");
    assertThat(b.submit("/cases/" + id + "/notes", List.of(f("text", "Note " + word))).status())
        .isEqualTo(303);
    assertThat(b.get("/cases/" + id).body()).contains("href=\"/cases/" + id + "/close\"");

    Http.Response confirm = b.get("/cases/" + id + "/close");
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("What will be destroyed")
        .contains("At once, and for good:")
        .contains("the note")
        .contains("What is kept")
        .contains("de-identified statistical record")
        .contains("data-confirm=");

    Http.Response unsure = b.submit("/cases/" + id + "/close", List.of(f("outcome", "RESOLVED")));
    assertThat(unsure.status()).isEqualTo(422);
    assertThat(unsure.body())
        .contains("Tick this box to confirm")
        .contains("value=\"RESOLVED\" selected");
    assertThat(b.get("/cases/" + id).status()).as("still open").isEqualTo(200);

    Http.Response closed =
        b.submit(
            "/cases/" + id + "/close", List.of(f("outcome", "RESOLVED"), f("understood", "yes")));
    assertThat(closed.status()).isEqualTo(303);
    assertThat(closed.header("Location")).isEqualTo("/cases?status=all&done=closed");
    assertThat(b.get(closed.header("Location")).body())
        .contains("The case was closed.")
        .doesNotContain(title);
    Http.Response gone = b.get("/cases/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.body()).doesNotContain(word).doesNotContain(title);
    assertThat(b.submit("/cases/search", List.of(f("q", word), f("status", "all"))).body())
        .doesNotContain(title);
    assertThat(office.office.cases().search(office.office.accounts().accounts().get(0).id(), word))
        .isEmpty();
  }

  @Test
  void during_a_grace_period_a_closed_case_shows_its_outcome_and_no_content() {
    String actor =
        office.office.accounts().accounts().stream()
            .filter(a -> a.username().value().equals(TestOffice.USERNAME))
            .map(Account::id)
            .findFirst()
            .orElseThrow();
    office.office.cases().setGraceDays(actor, 5);
    try {
      PageSession b = ombuds();
      String title = unique("Grace ");
      String id = createCase(b, title);
      String word = unique("albatross");
      assertThat(b.submit("/cases/" + id + "/notes", List.of(f("text", word))).status())
          .isEqualTo(303);
      assertThat(b.get("/cases/" + id + "/close").body()).contains("grace period of 5 days");
      assertThat(
              b.submit(
                      "/cases/" + id + "/close",
                      List.of(f("outcome", "REFERRED"), f("understood", "yes")))
                  .status())
          .isEqualTo(303);
      Http.Response closed = b.get("/cases/" + id);
      assertThat(closed.status()).isEqualTo(200);
      assertThat(closed.body())
          .contains("This case is closed")
          .contains("Outcome: Referred elsewhere.")
          .contains("has been destroyed or is about to be")
          .doesNotContain(word)
          .doesNotContain("action=\"/cases/" + id + "/notes");
      assertThat(b.get("/cases?status=closed").body()).contains(title);
      assertThat(b.submit("/cases/" + id + "/notes", List.of(f("text", "late"))).status())
          .isEqualTo(409);
      assertThat(b.get("/cases/" + id + "/close").status()).isEqualTo(409);
    } finally {
      office.office.cases().setGraceDays(actor, 0);
    }
  }

  @Test
  void after_recusal_the_case_is_a_404_for_that_ombuds_and_visible_to_the_colleague() {
    String colleague = addAccount("colleague", "colleague passphrase long");
    PageSession b = ombuds();
    String title = unique("Conflict of interest ");
    String id = createCase(b, title);

    Http.Response form = b.get("/cases/" + id + "/recuse");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body())
        .contains("value=\"" + colleague + "\"")
        .contains(">colleague</label>")
        .doesNotContain(">" + TestOffice.USERNAME + "</label>");
    Http.Response unchosen = b.submit("/cases/" + id + "/recuse", List.of(f("understood", "yes")));
    assertThat(unchosen.status()).isEqualTo(422);
    assertThat(unchosen.body()).contains("Choose the Ombuds to hand the case to.");
    Http.Response toNobody =
        b.submit(
            "/cases/" + id + "/recuse", List.of(f("to", "someone-else"), f("understood", "yes")));
    assertThat(toNobody.status()).isEqualTo(422);

    Http.Response done =
        b.submit("/cases/" + id + "/recuse", List.of(f("to", colleague), f("understood", "yes")));
    assertThat(done.status()).isEqualTo(303);
    assertThat(done.header("Location")).isEqualTo("/dashboard?done=recused");
    assertThat(b.get(done.header("Location")).body())
        .contains("The case was handed over.")
        .doesNotContain(title);

    Http.Response recused = b.get("/cases/" + id);
    Http.Response unknown = b.get("/cases/" + ZERO_ID);
    assertThat(recused.status()).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(recused.body()).as("the same page as for no case").isEqualTo(unknown.body());
    assertThat(recused.body()).contains("There is no such case, or it is not available to you.");
    assertThat(b.get("/cases/" + id + "/close").status()).isEqualTo(404);
    assertThat(b.submit("/cases/" + id + "/notes", List.of(f("text", "x"))).status())
        .isEqualTo(404);
    assertThat(b.get("/cases/not-an-id").status()).isEqualTo(404);

    PageSession other = login("colleague", "colleague passphrase long");
    Http.Response theirs = other.get("/cases/" + id);
    assertThat(theirs.status()).isEqualTo(200);
    assertThat(theirs.body()).contains("<h1 id=\"case-heading\">" + title + "</h1>");
    assertThat(other.get("/dashboard").body()).contains(title);
  }
}
