package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Browser;
import org.ombuds.testing.TestOffice;

/**
 * The login page, the dashboard and logging out, in a real Chromium: keyboard only, accessible
 * (axe-core, zero violations), in English and French, with the Content Security Policy in force and
 * nothing loaded from outside the server.
 */
class BrowserLoginIT {
  private static TestOffice office;
  private static Browser browser;
  private static String base;

  private Browser.Tab tab;

  @BeforeAll
  static void start() {
    browser = Browser.launch(); // first: a missing Chromium fails before any other work
    office = TestOffice.create().serve();
    base = office.http().base();
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

  /** Each test gets a fresh context: no cookie or session carried over from another test. */
  @BeforeEach
  void openTab() {
    tab = browser.open(base);
  }

  @AfterEach
  void closeTab() {
    if (tab != null) {
      tab.close();
    }
  }

  private Page page() {
    return tab.page();
  }

  /** Replaces this test's tab with one whose browser is set up as {@code options} says. */
  private Browser.Tab reopen(Browser.Options options) {
    tab.close();
    tab = browser.open(base, options);
    return tab;
  }

  /** Goes to {@code path} and checks the answer was a 2xx page from this server. */
  private Response go(Page page, String path) {
    Response r = page.navigate(path);
    assertThat(r).as("a response for %s", path).isNotNull();
    assertThat(r.status()).as("status of %s", path).isBetween(200, 299);
    return r;
  }

  private static String activeId(Page page) {
    return (String) page.evaluate("() => document.activeElement && document.activeElement.id");
  }

  private static String activeText(Page page) {
    return (String)
        page.evaluate("() => document.activeElement && document.activeElement.textContent.trim()");
  }

  /**
   * Fills the login form with the keyboard only: the skip link past the header (which holds the
   * language switch), Tab into each field, type, Enter. The caller waits for the outcome (a new
   * address, or the error message that only the answer has).
   */
  private static void keyboardLogin(Page page, String username, String passphrase) {
    // The first stop is the skip link; Enter takes the focus to the main content, and the next
    // stops are the form's fields in order.
    page.keyboard().press("Tab");
    assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip-link");
    page.keyboard().press("Enter");
    assertThat(activeId(page)).isEqualTo("main");
    page.keyboard().press("Tab");
    assertThat(activeId(page)).isEqualTo("username");
    page.keyboard().type(username);
    page.keyboard().press("Tab");
    assertThat(activeId(page)).isEqualTo("passphrase");
    page.keyboard().type(passphrase);
    page.keyboard().press("Enter");
  }

  private static void loginAndWaitForDashboard(Page page) {
    keyboardLogin(page, TestOffice.USERNAME, TestOffice.PASSPHRASE);
    page.waitForURL(base + "/dashboard");
  }

  /** Logs in wrongly and returns the message the answer shows. */
  private static String refusedLogin(Page page, String username) {
    keyboardLogin(page, username, "not the passphrase at all");
    page.locator("#login-error").waitFor();
    assertThat(page.url()).isEqualTo(base + "/login");
    return page.getByRole(AriaRole.ALERT).textContent();
  }

  @Test
  void login_page_is_accessible_and_loads_only_its_own_files() {
    Response r = go(page(), "/login");
    assertThat(r.headers()).containsKey("content-security-policy");
    assertThat(page().title()).isEqualTo("Log in · Ombuds office");
    assertThat(page().locator("html").getAttribute("lang")).isEqualTo("en");
    tab.assertAccessible();
    // The tab's icon comes from this server too, not from a /favicon.ico that is not there (the
    // browser would log that 404 as a console error).
    page().waitForCondition(() -> tab.requests().contains(base + "/assets/favicon.svg"));
    assertThat(tab.requests()).doesNotContain(base + "/favicon.ico");
    tab.assertClean();
    // The page's own script and style were fetched and applied, from this server.
    assertThat(tab.requests())
        .contains(base + "/assets/app.css", base + "/assets/app.js", base + "/assets/htmx.min.js");
    assertThat(page().evaluate("() => typeof htmx")).isEqualTo("object");
    assertThat(
            page().locator("main button[type=submit]").evaluate("b => getComputedStyle(b).cursor"))
        .isEqualTo("pointer");
    // Without the skip link, Tab goes through the header first: the language switch (its list,
    // then its button), then the form.
    page().keyboard().press("Tab");
    assertThat(activeText(page())).isEqualTo("Skip to main content");
    page().keyboard().press("Tab");
    assertThat(activeId(page())).isEqualTo("language-choice");
    page().keyboard().press("Tab");
    assertThat(activeText(page())).isEqualTo("Change");
    page().keyboard().press("Tab");
    assertThat(activeId(page())).isEqualTo("username");
    // The skip link takes keyboard users past the header, straight to the form.
    go(page(), "/login");
    page().keyboard().press("Tab");
    assertThat(activeText(page())).isEqualTo("Skip to main content");
    page().keyboard().press("Enter");
    assertThat(activeId(page())).isEqualTo("main");
    page().keyboard().press("Tab");
    assertThat(activeId(page())).isEqualTo("username");
    tab.assertClean();
  }

  @Test
  void keyboard_login_opens_an_accessible_dashboard_and_logout_ends_the_session() {
    go(page(), "/login");
    loginAndWaitForDashboard(page());
    assertThat(page().title()).isEqualTo("Dashboard · Ombuds office");
    assertThat(page().locator("h1").textContent()).isEqualTo("Dashboard");
    assertThat(page().locator(".who").textContent()).isEqualTo(TestOffice.USERNAME);
    tab.assertAccessible();
    tab.assertClean();

    // The logout button is reachable and works from the keyboard too: skip link, the
    // navigation's links, the language switch (its list and its button), then the button.
    page().keyboard().press("Tab");
    assertThat(activeText(page())).isEqualTo("Skip to main content");
    for (String link :
        List.of("Dashboard", "Cases", "New case", "Portal", "Stories", "Annual report")) {
      page().keyboard().press("Tab");
      assertThat(activeText(page())).isEqualTo(link);
    }
    page().keyboard().press("Tab");
    assertThat(activeId(page())).isEqualTo("language-choice");
    page().keyboard().press("Tab");
    assertThat(activeText(page())).isEqualTo("Change");
    page().keyboard().press("Tab");
    assertThat(activeText(page())).isEqualTo("Log out");
    page().keyboard().press("Enter");
    page().waitForURL(base + "/login");
    assertThat(page().context().cookies())
        .noneSatisfy(c -> assertThat(c.name).isEqualTo("ombuds_session"));

    // The session is over: the dashboard sends back to the login page.
    page().navigate("/dashboard");
    assertThat(page().url()).isEqualTo(base + "/login");
    assertThat(page().locator("h1").textContent()).isEqualTo("Log in");
    tab.assertClean();
  }

  @Test
  void logout_button_click_returns_to_login() {
    go(page(), "/login");
    loginAndWaitForDashboard(page());
    page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
    page().waitForURL(base + "/login");
    page().navigate("/dashboard");
    assertThat(page().url()).isEqualTo(base + "/login");
    tab.assertClean();
  }

  @Test
  void wrong_passphrase_and_unknown_user_get_the_same_accessible_message() {
    go(page(), "/login");
    String wrongPassphrase = refusedLogin(page(), TestOffice.USERNAME);
    assertThat(page().locator("#username").inputValue()).isEqualTo(TestOffice.USERNAME);
    assertThat(page().locator("#passphrase").inputValue()).isEmpty();
    tab.assertAccessible();
    // A 401 document is reported by Chromium as a failed load; nothing else may be logged.
    tab.assertCleanAllowingStatus(401);

    go(page(), "/login");
    String unknownUser = refusedLogin(page(), "nobody-here");

    assertThat(wrongPassphrase).isEqualTo("Wrong username or passphrase.");
    assertThat(unknownUser).isEqualTo(wrongPassphrase);
    tab.assertCleanAllowingStatus(401);
  }

  @Test
  void french_by_accept_language() {
    checkFrench(reopen(new Browser.Options().locale("fr-CH")));
  }

  @Test
  void french_by_cookie_over_an_english_browser() {
    checkFrench(reopen(new Browser.Options().locale("en-US").cookie("ombuds_lang", "fr")));
  }

  private void checkFrench(Browser.Tab fr) {
    Page p = fr.page();
    go(p, "/login");
    assertThat(p.locator("html").getAttribute("lang")).isEqualTo("fr");
    assertThat(p.title()).isEqualTo("Connexion · Bureau de l'Ombuds");
    assertThat(p.locator("h1").textContent()).isEqualTo("Connexion");
    assertThat(p.locator("label[for=passphrase]").textContent()).isEqualTo("Phrase secrète");
    fr.assertAccessible();
    fr.assertClean();

    loginAndWaitForDashboard(p);
    assertThat(p.locator("html").getAttribute("lang")).isEqualTo("fr");
    assertThat(p.title()).isEqualTo("Tableau de bord · Bureau de l'Ombuds");
    assertThat(p.locator("h1").textContent()).isEqualTo("Tableau de bord");
    assertThat(p.locator("form.logout button").textContent()).isEqualTo("Se déconnecter");
    fr.assertAccessible();
    fr.assertClean();
  }

  @Test
  void error_page_is_accessible() {
    Response r = page().navigate("/no/such/page");
    assertThat(r.status()).isEqualTo(404);
    assertThat(page().getByRole(AriaRole.ALERT).textContent())
        .isEqualTo("There is nothing at this address.");
    assertThat(page().title()).isEqualTo("Something is not right · Ombuds office");
    tab.assertAccessible();
    tab.assertCleanAllowingStatus(404);
  }

  @Test
  void the_content_security_policy_is_enforced_and_its_refusals_are_caught() {
    go(page(), "/login");
    tab.assertClean();
    // An injected inline script must not run: the policy allows only this server's own files.
    Object ran =
        page()
            .evaluate(
                "() => { const s = document.createElement('script');"
                    + " s.textContent = 'window.__injected = true'; document.head.append(s);"
                    + " return window.__injected === true; }");
    assertThat(ran).isEqualTo(false);
    List<String> errors = tab.takeConsoleErrors();
    assertThat(errors)
        .as("the refusal shows as a console error, which assertClean() would have failed on")
        .anySatisfy(e -> assertThat(e).contains("Content Security Policy"));

    // Allowing the failed loads of refused answers does not let any other error through: a
    // refusal logged after a 404 page still fails.
    page().navigate("/no/such/page");
    page()
        .evaluate(
            "() => { const s = document.createElement('script');"
                + " s.textContent = 'window.__injected = true'; document.head.append(s); }");
    assertThatThrownBy(() -> tab.assertCleanAllowingStatus(401, 404, 409, 422))
        .hasMessageContaining("Chromium's failed-load message")
        .hasMessageContaining("Content Security Policy");
  }

  @Test
  void the_accessibility_check_reports_what_it_finds() {
    go(page(), "/login");
    // A button without a name, as a careless template might render: axe must say so.
    page()
        .evaluate("() => document.querySelector('form').append(document.createElement('button'))");
    assertThatThrownBy(tab::assertAccessible)
        .hasMessageContaining("button-name [critical]")
        .hasMessageContaining("[\"button:nth-child(");
  }
}
