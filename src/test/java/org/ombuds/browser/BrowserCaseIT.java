package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Browser;
import org.ombuds.testing.TestOffice;

/**
 * The case file in a real Chromium, through its pages only: the reference story ("Ombuds' corner:
 * Confidentiality") recorded with the forms, the main pages checked by axe-core with zero
 * violations and a clean console, the language switched to French and remembered for the account,
 * the case closed through its confirmation page with nothing of its content left anywhere, a
 * conflict of interest that takes the case away from its Ombuds, and an htmx swap that replaces the
 * notes section only.
 */
class BrowserCaseIT {
  /** Declares the conflict of interest in {@link #recusal_hands_the_case_to_the_colleague}. */
  private static final String RECUSER = "amira";

  /** The colleague who takes recused cases, and who adds a note with htmx. */
  private static final String COLLEAGUE = "bruno";

  private static final String RECUSER_PASSPHRASE = "amira walks along the lake shore";
  private static final String COLLEAGUE_PASSPHRASE = "bruno rides the morning train";

  private static final Pattern CREATED = Pattern.compile(".*/cases/([0-9a-f-]{36})\\?done=created");
  private static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z]+( [0-9]+)?\\*");
  // Evaluated in the page, as a JavaScript regular expression: no \p{L} there.
  private static final Pattern PSEUDONYM_FLASH =
      Pattern.compile("^Person added, with the pseudonym [A-Za-z]+( [0-9]+)?\\*\\.$");
  private static final String UNKNOWN_CASE = "/cases/00000000-0000-4000-8000-000000000000";

  // The reference story. Nothing in it may remain anywhere once the case is closed.
  private static final String TITLE = "Safety concerns in a small operations group";
  private static final String UNIT = "Operations group";
  private static final List<String> NOTES =
      List.of(
          "Jane came about the actions of Mike, one of the senior supervisors of her group, and"
              + " insisted on absolute confidentiality. Promised to keep it within the mandate.",
          "The whole group is affected: much time goes into discussing the problem instead of the"
              + " work, and the safety of the operations could be endangered.",
          "The threat is not imminent, so the exception to confidentiality cannot be considered."
              + " Raising it with senior management could reveal Jane in so small a group.",
          "Jane fears retaliation. If any suspicion of retaliation materialises she comes back at"
              + " once.");
  private static final String CONTACT = "First meeting in the office; Jane described the group.";
  private static final String REASON_SPEAK = "Jane is too afraid of possible retaliation by Mike.";
  private static final String REASON_DISCUSS = "Refused for fear of retaliation.";
  private static final String REASON_RAISE =
      "Raise it with the senior group leader without naming Jane: remind the group of the safety"
          + " rules.";
  private static final String REMINDER = "Check with Jane that no retaliation followed.";

  /** A word of the notes only: the search finds the case by it, and nothing once it is closed. */
  private static final String SEARCH_WORD = "endangered";

  private static TestOffice office;
  private static Browser browser;
  private static String base;

  @BeforeAll
  static void start() {
    browser = Browser.launch(); // first: a missing Chromium fails before any other work
    office = TestOffice.create().serve();
    base = office.http().base();
    office.addOmbuds(RECUSER, RECUSER_PASSPHRASE);
    office.addOmbuds(COLLEAGUE, COLLEAGUE_PASSPHRASE);
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (office != null) {
        office.close();
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Playwright's retrying assertions, under another name than AssertJ's. */
  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  /** Goes to {@code path} and checks the answer was a 2xx page from this server. */
  private static Response go(Page page, String path) {
    Response r = page.navigate(path);
    assertThat(r).as("a response for %s", path).isNotNull();
    assertThat(r.status()).as("status of %s", path).isBetween(200, 299);
    return r;
  }

  private static String activeId(Page page) {
    return (String) page.evaluate("() => document.activeElement && document.activeElement.id");
  }

  /**
   * Logs in with the keyboard only: the skip link past the header, Tab into each field, Enter.
   * Waits for the dashboard.
   */
  private static void keyboardLogin(Page page, String username, String passphrase) {
    go(page, "/login");
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip-link");
    page.keyboard().press("Enter");
    page.keyboard().press("Tab");
    assertThat(activeId(page)).isEqualTo("username");
    page.keyboard().type(username);
    page.keyboard().press("Tab");
    assertThat(activeId(page)).isEqualTo("passphrase");
    page.keyboard().type(passphrase);
    page.keyboard().press("Enter");
    page.waitForURL(base + "/dashboard");
  }

  private static Locator link(Locator within, String name) {
    return within.getByRole(
        AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
  }

  private static Locator nav(Page page, String name) {
    return link(page.locator("header nav"), name);
  }

  /** Opens a closed disclosure widget the way a person does, by its summary. */
  private static void open(Locator details) {
    if (!Boolean.TRUE.equals(details.evaluate("d => d.open"))) {
      details.locator(":scope > summary").click();
    }
    expect(details).hasAttribute("open", "");
  }

  /** Everything a person could read on the page, and everything in its HTML. */
  private static void assertNowhere(Page page, List<String> secrets) {
    String text = page.locator("body").innerText();
    String html = page.content();
    for (String s : secrets) {
      assertThat(text).as("page text of %s", page.url()).doesNotContain(s);
      assertThat(html).as("HTML of %s", page.url()).doesNotContain(s);
    }
  }

  /** Opens a case through the new-case form with JavaScript on; returns its id. */
  private static String createCase(Page page, String title) {
    nav(page, "New case").click();
    page.locator("#case-title").fill(title);
    page.locator("#case-unit_name").fill("Finance team");
    page.locator("#case-unit_size").fill("12");
    page.locator("#new-case-submit").click();
    page.waitForURL(CREATED);
    Matcher m = CREATED.matcher(page.url());
    assertThat(m.matches()).isTrue();
    expect(page.locator("h1")).hasText(title);
    return m.group(1);
  }

  /** Submits a destructive form, accepting the confirmation the page asks for; returns its text. */
  private static String confirmAndSubmit(Page page, Locator button) {
    AtomicReference<String> asked = new AtomicReference<>();
    page.onceDialog(
        d -> {
          asked.set(d.type() + ": " + d.message());
          d.accept();
        });
    button.click();
    page.waitForCondition(() -> asked.get() != null);
    return asked.get();
  }

  private static Locator rows(Page page, String section) {
    return page.locator("#" + section + " tbody tr");
  }

  // ---------------------------------------------------------------- the reference story

  @Test
  void the_reference_story_from_recording_to_closing_in_french() {
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      keyboardLogin(page, TestOffice.USERNAME, TestOffice.PASSPHRASE);
      assertThat(page.title()).isEqualTo("Dashboard · Ombuds office");
      tab.assertAccessible();
      tab.assertClean();

      String id = recordTheStory(tab);
      String caseUrl = "/cases/" + id;
      List<String> pseudonyms = rows(page, "persons").locator("th").allInnerTexts();

      // The case page with every section filled in.
      go(page, caseUrl);
      expect(page.locator("h1")).hasText(TITLE);
      assertThat(page.title()).isEqualTo(TITLE + " · Ombuds office");
      tab.assertAccessible();
      tab.assertClean();

      // The dashboard shows the case and its reminder.
      nav(page, "Dashboard").click();
      page.waitForURL(base + "/dashboard");
      Locator open = page.locator("section[aria-labelledby=open-cases]");
      expect(link(open, TITLE)).isVisible();
      Locator reminders = page.locator("section[aria-labelledby=reminders]");
      expect(reminders.locator(".reminder-text")).hasText(REMINDER);
      expect(link(reminders, "Case: " + TITLE)).isVisible();
      tab.assertAccessible();
      tab.assertClean();

      // The case list, and the search: its words go in a POST body, never in the address.
      nav(page, "Cases").click();
      page.waitForURL(base + "/cases");
      expect(link(page.locator("#results"), TITLE)).isVisible();
      tab.assertAccessible();
      tab.assertClean();
      search(page, SEARCH_WORD);
      expect(page.locator("#results .count")).hasText("One case found.");
      expect(link(page.locator("#results"), TITLE)).isVisible();
      assertThat(page.url()).doesNotContain(SEARCH_WORD);
      assertThat(tab.requests()).noneSatisfy(u -> assertThat(u).contains(SEARCH_WORD));
      tab.assertClean();

      // The confirmation pages, looked at without being submitted.
      go(page, caseUrl);
      link(page.locator("#end"), "Close the case").click();
      page.waitForURL(base + caseUrl + "/close");
      expect(page.locator("h1")).hasText("Close the case");
      assertThat(page.title()).isEqualTo("Close the case · Ombuds office");
      Locator destroyed = page.locator("section.destroyed");
      expect(destroyed).containsText("all 4 notes");
      expect(destroyed).containsText("the contact and its note");
      expect(destroyed).containsText("the names and pseudonyms of the 2 people involved");
      expect(destroyed).containsText("the 3 options and their reasons");
      tab.assertAccessible();
      tab.assertClean();
      link(page.locator("main"), "Cancel and go back to the case").click();
      page.waitForURL(base + caseUrl);
      link(page.locator("#end"), "Declare a conflict of interest").click();
      page.waitForURL(base + caseUrl + "/recuse");
      expect(page.locator("h1")).hasText("Declare a conflict of interest");
      expect(page.getByLabel(RECUSER, new Page.GetByLabelOptions().setExact(true))).isVisible();
      expect(page.getByLabel(COLLEAGUE, new Page.GetByLabelOptions().setExact(true))).isVisible();
      tab.assertAccessible();
      tab.assertClean();
      link(page.locator("main"), "Cancel and go back to the case").click();
      page.waitForURL(base + caseUrl);

      switchToFrench(tab, caseUrl);
      closeInFrench(tab, caseUrl);

      // Nothing of the case is left: not its page, not in the list, the dashboard or the search.
      List<String> secrets = new ArrayList<>(NOTES);
      secrets.addAll(
          List.of(
              TITLE,
              UNIT,
              CONTACT,
              REASON_SPEAK,
              REASON_DISCUSS,
              REASON_RAISE,
              REMINDER,
              "Jane",
              "Mike"));
      secrets.addAll(pseudonyms);
      Response gone = page.navigate(caseUrl);
      assertThat(gone.status()).isEqualTo(404);
      expect(page.getByRole(AriaRole.ALERT))
          .hasText("Ce dossier n'existe pas ou ne vous est pas accessible.");
      assertNowhere(page, secrets);
      tab.assertAccessible();
      tab.assertCleanAllowingStatus(404);
      go(page, "/cases?status=all");
      assertNowhere(page, secrets);
      go(page, "/dashboard");
      assertNowhere(page, secrets);
      nav(page, "Dossiers").click();
      page.waitForURL(base + "/cases");
      search(page, SEARCH_WORD);
      expect(page.locator("#results .count")).hasText("Aucun dossier trouvé.");
      assertThat(page.locator("#results").innerText()).doesNotContain(SEARCH_WORD);
      assertNowhere(page, secrets);
      assertThat(page.url()).doesNotContain(SEARCH_WORD);
      tab.assertClean();
    }
  }

  /** Searches the case list with its form and waits for the results it brings. */
  private static void search(Page page, String words) {
    page.locator("#filter-q").fill(words);
    Response r =
        page.waitForResponse(
            resp -> resp.url().endsWith("/cases/search"), page.locator("#filter-submit")::click);
    assertThat(r.request().method()).isEqualTo("POST");
    assertThat(r.request().postData()).contains("q=" + words);
    // The swapped results carry the answer's count; wait until they are in place.
    expect(page.locator("#results .count")).isVisible();
  }

  /**
   * Records the reference story through the forms, as an Ombuds would after the first meeting: the
   * case, the two people, the notes, the contact, the three options and a reminder.
   */
  private static String recordTheStory(Browser.Tab tab) {
    Page page = tab.page();
    nav(page, "New case").click();
    page.waitForURL(base + "/cases/new");
    expect(page.locator("h1")).hasText("New case");
    assertThat(page.title()).isEqualTo("New case · Ombuds office");
    tab.assertAccessible();
    tab.assertClean();

    // Sent empty: the form comes back (422) with a message at each missing field, the first of
    // which takes the focus, and it is accessible in that state too.
    page.locator("#new-case-submit").click();
    expect(page.locator("#new-case .form-error")).isVisible();
    expect(page.locator("#case-title")).hasAttribute("aria-invalid", "true");
    expect(page.locator("#case-title")).isFocused();
    expect(page.locator("#new-case .field-error"))
        .containsText(
            new String[] {
              "Give the case a title.",
              "Give the name of the work unit.",
              "Give the number of people in the unit."
            });
    assertThat(page.url()).isEqualTo(base + "/cases/new");
    tab.assertAccessible();
    tab.assertCleanAllowingStatus(422);

    page.locator("#case-title").fill(TITLE);
    for (String code : List.of("6a", "2o")) {
      open(page.locator("details.category-group:has(#case-cat-" + code + ")"));
      page.locator("#case-cat-" + code).check();
    }
    page.locator("#case-unit_name").fill(UNIT);
    page.locator("#case-unit_size").fill("8");
    String[][] composition = {{"gender", "women", "2"}, {"gender", "men", "6"}};
    for (int i = 0; i < composition.length; i++) {
      page.locator("#case-comp-d-" + i).fill(composition[i][0]);
      page.locator("#case-comp-g-" + i).fill(composition[i][1]);
      page.locator("#case-comp-c-" + i).fill(composition[i][2]);
    }
    page.locator("#new-case-submit").click();
    page.waitForURL(CREATED);
    Matcher created = CREATED.matcher(page.url());
    assertThat(created.matches()).isTrue();
    expect(page.locator("h1")).hasText(TITLE);
    Locator summary = page.locator("#summary");
    expect(summary.locator(".flash"))
        .hasText("The case is open. Add the people, notes and contacts below.");
    expect(summary).containsText("6a");
    expect(summary).containsText("2o");
    expect(summary).containsText(UNIT + " (8 people)");
    expect(summary).containsText("gender / women: 2");
    expect(summary).containsText("gender / men: 6");
    tab.assertClean();

    // The people: each gets an invented pseudonym, never their own name.
    addPerson(page, "VISITOR", "Jane", "STAFF", "WOMAN");
    addPerson(page, "OTHER_PARTY", "Mike", "", "");
    expect(rows(page, "persons")).hasCount(2);
    // Rows are found by the name cell: a pseudonym is drawn at random and may well be "Mike*" for
    // Jane, since Mike was not yet in the case when she was added.
    Locator jane = personRow(page, "Jane").getByRole(AriaRole.CELL);
    expect(jane.nth(0)).containsText("Visitor");
    expect(jane.nth(0)).containsText("Spoke to the office in confidence");
    expect(jane.nth(2)).containsText("Staff");
    expect(jane.nth(2)).containsText("Woman");
    Locator mike = personRow(page, "Mike").getByRole(AriaRole.CELL);
    expect(mike.nth(0)).containsText("Other party");
    expect(mike.nth(2)).hasText("none");
    String janeAs = personRow(page, "Jane").getByRole(AriaRole.ROWHEADER).innerText();
    String mikeAs = personRow(page, "Mike").getByRole(AriaRole.ROWHEADER).innerText();
    assertThat(janeAs).matches(PSEUDONYM).isNotEqualTo("Jane*").isNotEqualTo(mikeAs);
    assertThat(mikeAs).matches(PSEUDONYM).isNotEqualTo("Mike*");
    tab.assertClean();

    for (int i = 0; i < NOTES.size(); i++) {
      page.locator("#note-text").fill(NOTES.get(i));
      page.locator("#note-submit").click();
      expect(page.locator("#notes .note-text")).hasCount(i + 1);
    }
    expect(page.locator("#notes .note-text")).hasText(NOTES.toArray(String[]::new));

    open(page.locator("#contacts details.add"));
    expect(page.locator("#contact-date"))
        .hasValue(LocalDate.now(ZoneId.systemDefault()).toString());
    page.locator("#contact-modality").selectOption("IN_PERSON");
    page.locator("#contact-minutes").fill("45");
    page.locator("#contact-text").fill(CONTACT);
    page.locator("#contact-submit").click();
    expect(rows(page, "contacts")).hasCount(1);
    expect(rows(page, "contacts")).containsText("In person");
    expect(rows(page, "contacts")).containsText(CONTACT);

    addOption(page, "SPEAK_TO_OTHER_PARTY", "REFUSED", REASON_SPEAK, 1);
    addOption(page, "DISCUSS_WITH_PERMISSION", "REFUSED", REASON_DISCUSS, 2);
    addOption(page, "RAISE_ANONYMOUSLY", "ACCEPTED", REASON_RAISE, 3);
    expect(rows(page, "options").locator("td:nth-child(2)"))
        .hasText(new String[] {"Declined", "Declined", "Accepted"});
    expect(rows(page, "options").locator("th"))
        .hasText(
            new String[] {
              "The visitor speaks with the other party",
              "The Ombuds discusses it with someone, with the visitor's permission",
              "The Ombuds raises the matter without naming the visitor"
            });

    open(page.locator("#reminders details.add"));
    page.locator("#reminder-due")
        .fill(LocalDate.now(ZoneId.systemDefault()).plusDays(3).toString());
    page.locator("#reminder-text").fill(REMINDER);
    page.locator("#reminder-submit").click();
    expect(rows(page, "reminders")).hasCount(1);
    expect(rows(page, "reminders")).containsText(REMINDER);
    tab.assertClean();
    return created.group(1);
  }

  /** The row of the person whose name cell says exactly {@code name}. */
  private static Locator personRow(Page page, String name) {
    return rows(page, "persons")
        .filter(
            new Locator.FilterOptions()
                .setHas(
                    page.getByRole(
                        AriaRole.CELL, new Page.GetByRoleOptions().setName(name).setExact(true))));
  }

  private static void addPerson(
      Page page, String role, String name, String contract, String gender) {
    int before = rows(page, "persons").count();
    open(page.locator("#persons details.add"));
    page.locator("#person-role").selectOption(role);
    page.locator("#person-name").fill(name);
    page.locator("#person-contract").selectOption(contract);
    page.locator("#person-gender").selectOption(gender);
    page.locator("#person-submit").click();
    expect(rows(page, "persons")).hasCount(before + 1);
    // The message names the pseudonym the new person got.
    expect(page.locator("#persons .flash")).hasText(PSEUDONYM_FLASH);
  }

  private static void addOption(Page page, String kind, String decision, String reason, int n) {
    open(page.locator("#options details.add"));
    page.locator("#option-kind").selectOption(kind);
    page.locator("#option-decision").selectOption(decision);
    page.locator("#option-reason").fill(reason);
    page.locator("#option-submit").click();
    expect(rows(page, "options")).hasCount(n);
    expect(rows(page, "options").nth(n - 1)).containsText(reason);
  }

  /**
   * Switches to French with the header's switch, by keyboard, on the case page; checks the pages
   * speak French and that the choice is kept for the account: after logging out and in again, and
   * in a fresh browser whose language is English.
   */
  private static void switchToFrench(Browser.Tab tab, String caseUrl) {
    Page page = tab.page();
    page.locator("#language-choice").focus();
    page.keyboard().press("ArrowDown");
    expect(page.locator("#language-choice")).hasValue("fr");
    page.keyboard().press("Tab");
    expect(page.locator("header form.language button")).isFocused();
    page.keyboard().press("Enter");
    // Back on the same page, now in French.
    expect(page.locator("html")).hasAttribute("lang", "fr");
    assertThat(page.url()).isEqualTo(base + caseUrl);
    assertThat(page.title()).isEqualTo(TITLE + " · Bureau de l'Ombuds");
    expect(page.locator("h1")).hasText(TITLE);
    expect(page.locator("#summary-h")).hasText("Résumé");
    expect(page.locator("#persons-h")).hasText("Personnes");
    expect(page.locator("#options-h")).hasText("Options explorées");
    expect(page.locator("#reminders-h")).hasText("Rappels");
    expect(page.locator("#language-choice")).hasValue("fr");
    tab.assertAccessible();
    tab.assertClean();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se déconnecter")).click();
    page.waitForURL(base + "/login");
    expect(page.locator("h1")).hasText("Connexion");
    keyboardLogin(page, TestOffice.USERNAME, TestOffice.PASSPHRASE);
    expect(page.locator("h1")).hasText("Tableau de bord");
    assertThat(page.title()).isEqualTo("Tableau de bord · Bureau de l'Ombuds");
    tab.assertAccessible();
    tab.assertClean();

    // Remembered for the account, not only by this browser: a fresh English one logs in to French.
    try (Browser.Tab fresh = browser.open(base, new Browser.Options().locale("en-GB"))) {
      Page p = fresh.page();
      keyboardLogin(p, TestOffice.USERNAME, TestOffice.PASSPHRASE);
      expect(p.locator("html")).hasAttribute("lang", "fr");
      expect(p.locator("h1")).hasText("Tableau de bord");
      fresh.assertClean();
    }
  }

  /**
   * Closes the case through its confirmation page, in French: refused until "I understand" is
   * ticked and an outcome chosen, then a last confirmation, then the list of cases.
   */
  private static void closeInFrench(Browser.Tab tab, String caseUrl) {
    Page page = tab.page();
    go(page, caseUrl);
    link(page.locator("#end"), "Clore le dossier").click();
    page.waitForURL(base + caseUrl + "/close");
    expect(page.locator("h1")).hasText("Clore le dossier");
    tab.assertAccessible();
    tab.assertClean();

    // Not ticked, no outcome: no confirmation is asked; the page comes back with both messages.
    List<String> dialogs = Collections.synchronizedList(new ArrayList<>());
    Consumer<com.microsoft.playwright.Dialog> refuse =
        d -> {
          dialogs.add(d.message());
          d.dismiss();
        };
    page.onDialog(refuse);
    Response refused =
        page.waitForResponse(
            r -> r.url().endsWith(caseUrl + "/close") && "POST".equals(r.request().method()),
            page.locator("#close-submit")::click);
    page.offDialog(refuse);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(dialogs).isEmpty();
    expect(page.locator(".field-error"))
        .containsText(
            new String[] {
              "Choisissez l'issue du dossier.",
              "Cochez cette case pour confirmer que vous comprenez que le contenu sera détruit."
            });
    expect(page.locator("#close-outcome")).isFocused();
    tab.assertAccessible();
    tab.assertCleanAllowingStatus(422);

    // With the keyboard: the outcome, then Space ticks "I understand", then the button.
    page.locator("#close-outcome").selectOption("RESOLVED");
    page.locator("#close-understood").focus();
    page.keyboard().press("Space");
    expect(page.locator("#close-understood")).isChecked();
    String asked = confirmAndSubmit(page, page.locator("#close-submit"));
    assertThat(asked)
        .isEqualTo("confirm: Clore ce dossier et détruire son contenu ? C'est irréversible.");
    page.waitForURL(base + "/cases?status=all&done=closed");
    expect(page.locator("main .flash"))
        .hasText(
            "Le dossier a été clos. Son contenu est détruit ; seule sa fiche statistique"
                + " anonymisée est conservée.");
    tab.assertAccessible();
    tab.assertClean();
  }

  // ---------------------------------------------------------------- conflict of interest

  @Test
  void recusal_hands_the_case_to_the_colleague() {
    String title = "Recusal check " + System.nanoTime();
    String note = "Met the visitor at the canteen " + System.nanoTime();
    String caseUrl;
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      keyboardLogin(page, RECUSER, RECUSER_PASSPHRASE);
      caseUrl = "/cases/" + createCase(page, title);
      page.locator("#note-text").fill(note);
      page.locator("#note-submit").click();
      expect(page.locator("#notes .note-text")).hasText(note);

      link(page.locator("#end"), "Declare a conflict of interest").click();
      page.waitForURL(base + caseUrl + "/recuse");
      page.getByLabel(COLLEAGUE, new Page.GetByLabelOptions().setExact(true)).check();
      page.getByLabel("I understand that I will no longer have access to this case.").check();
      String asked = confirmAndSubmit(page, page.locator("#recuse-submit"));
      assertThat(asked)
          .isEqualTo("confirm: Hand over this case? You will no longer have access to it.");
      page.waitForURL(base + "/dashboard?done=recused");
      expect(page.locator("main .flash"))
          .hasText("The case was handed over. You no longer have access to it.");
      assertThat(page.locator("main").innerText()).doesNotContain(title);
      tab.assertClean();

      // The case's address now answers exactly as an address that never held a case.
      Map<String, String> unknown = errorPage(page, UNKNOWN_CASE);
      assertThat(errorPage(page, caseUrl)).isEqualTo(unknown);
      assertThat(errorPage(page, caseUrl + "/close")).isEqualTo(unknown);
      assertThat(errorPage(page, caseUrl + "/recuse")).isEqualTo(unknown);
      assertThat(unknown.get("alert"))
          .isEqualTo("There is no such case, or it is not available to you.");
      tab.assertAccessible();
      tab.assertCleanAllowingStatus(404);

      // Nor does it show in the list or the search.
      go(page, "/cases?status=all");
      assertThat(page.locator("main").innerText()).doesNotContain(title);
      search(page, "canteen");
      expect(page.locator("#results .count")).hasText("No case found.");
      tab.assertClean();
    }

    // The colleague, in a browser of their own, has the case with its note.
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      keyboardLogin(page, COLLEAGUE, COLLEAGUE_PASSPHRASE);
      link(page.locator("section[aria-labelledby=open-cases]"), title).click();
      page.waitForURL(base + caseUrl);
      expect(page.locator("h1")).hasText(title);
      expect(page.locator("#notes .note-text")).hasText(note);
      expect(page.locator("#summary")).containsText(COLLEAGUE);
      tab.assertClean();
    }
  }

  /** What an error page at {@code path} shows: its status, title and main content. */
  private static Map<String, String> errorPage(Page page, String path) {
    Response r = page.navigate(path);
    return Map.of(
        "status", Integer.toString(r.status()),
        "title", page.title(),
        "main", page.locator("main").innerText(),
        "alert", page.getByRole(AriaRole.ALERT).innerText());
  }

  // ---------------------------------------------------------------- htmx

  @Test
  void a_note_added_with_javascript_swaps_only_the_notes_section() {
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      keyboardLogin(page, COLLEAGUE, COLLEAGUE_PASSPHRASE);
      String id = createCase(page, "Swap check " + System.nanoTime());
      String url = page.url();

      // Markers that a full page load would lose: one on the window, one on a section that must
      // stay the same element, one on the section that must be replaced.
      page.evaluate(
          "() => { window.__marker = 'kept';"
              + " document.getElementById('persons').__same = true;"
              + " document.getElementById('notes').__old = true; }");
      List<String> navigations = Collections.synchronizedList(new ArrayList<>());
      Consumer<Request> onRequest =
          r -> {
            if (r.isNavigationRequest()) {
              navigations.add(r.url());
            }
          };
      page.onRequest(onRequest);

      // Refused first (empty): the section comes back with its message, the field focused.
      Response refused =
          page.waitForResponse(
              r -> r.url().endsWith("/cases/" + id + "/notes"),
              page.locator("#note-submit")::click);
      assertThat(refused.status()).isEqualTo(422);
      expect(page.locator("#notes .field-error")).containsText("Write something here.");
      expect(page.locator("#note-text")).isFocused();
      tab.assertCleanAllowingStatus(422);

      String note = "Added without reloading the page " + System.nanoTime();
      page.locator("#note-text").fill(note);
      Request sent =
          page.waitForRequest(
              r -> r.url().endsWith("/cases/" + id + "/notes") && "POST".equals(r.method()),
              page.locator("#note-submit")::click);
      assertThat(sent.resourceType()).as("sent by htmx, not as a form").isEqualTo("xhr");
      assertThat(sent.allHeaders()).containsEntry("hx-request", "true");
      expect(page.locator("#notes .note-text")).hasText(note);
      expect(page.locator("#notes .note-text")).isVisible();
      expect(page.locator("#notes .flash")).hasText("Note added.");
      expect(page.locator("#live-status")).hasText("Note added.");
      expect(page.locator("#note-text")).hasValue("");
      page.offRequest(onRequest);

      assertThat(page.evaluate("() => window.__marker")).isEqualTo("kept");
      assertThat(page.evaluate("() => document.getElementById('persons').__same"))
          .as("the people section is the same element")
          .isEqualTo(true);
      assertThat(page.evaluate("() => document.getElementById('notes').__old"))
          .as("the notes section was replaced")
          .isNull();
      assertThat(page.locator("section#notes").count()).isEqualTo(1);
      assertThat(navigations).as("no page load").isEmpty();
      assertThat(page.url()).isEqualTo(url);
      tab.assertClean();
    }
  }
}
