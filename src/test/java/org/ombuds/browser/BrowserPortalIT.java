package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Browser;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/**
 * The visitor portal in a real Chromium: first contact, the receipt read off the page, the way back
 * with it, consent to an exact version, the Ombuds' release, a retaliation report and its alert;
 * accessible (axe-core, zero violations), CSP-clean, one cookie only; and the same contact and
 * return with JavaScript turned off.
 */
class BrowserPortalIT {
  private static final String RECEIPT =
      "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]{5}";
  private static TestOffice office;
  private static Browser browser;
  private static String base;
  private Browser.Tab tab;

  @BeforeAll
  static void start() {
    browser = Browser.launch();
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

  @AfterEach
  void closeTab() {
    if (tab != null) {
      tab.close();
    }
  }

  private static com.microsoft.playwright.assertions.LocatorAssertions expect(
      com.microsoft.playwright.Locator l) {
    return com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(l);
  }

  private static Response go(Page page, String path) {
    Response r = page.navigate(path);
    assertThat(r).isNotNull();
    assertThat(r.status()).as("status of %s", path).isBetween(200, 299);
    return r;
  }

  private static void button(Page page, String name) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
        .click();
  }

  /** Writes to the Ombuds from the portal's front page; returns the receipt read off the page. */
  private static String contact(Page page, String message) {
    go(page, "/portal?lang=en");
    page.getByLabel("Your message").fill(message);
    page.getByLabel("Your name (optional)").fill("Ada");
    page.getByLabel("Preferred kind of meeting (optional)").selectOption("PHONE");
    button(page, "Send to the Ombuds");
    page.waitForURL(u -> u.contains("/portal/receipt"));
    String receipt = page.locator("#receipt").innerText().strip().replaceAll("\\s+", "-");
    assertThat(receipt).matches(RECEIPT);
    return receipt;
  }

  private static void returnWith(Page page, String receipt) {
    go(page, "/portal/return?lang=en");
    page.getByLabel("Receipt").fill(receipt);
    button(page, "Open");
    page.waitForURL(u -> u.contains("/portal/me"));
  }

  @Test
  void contact_receipt_return_consent_release_and_a_retaliation_alert() {
    tab = browser.open(base);
    Page page = tab.page();
    go(page, "/portal?lang=en");
    tab.assertAccessible();
    go(page, "/portal?lang=fr");
    expect(page.locator("h1")).hasText("Parler à l'Ombuds");
    tab.assertAccessible();

    String receipt = contact(page, "My manager shouts at me in meetings.");
    tab.assertAccessible();
    go(page, "/portal/receipt?lang=en");
    assertThat(page.url()).as("shown once").contains("/portal/me");
    tab.assertAccessible();
    List<Cookie> cookies = tab.context().cookies();
    assertThat(cookies).hasSize(1);
    Cookie c = cookies.get(0);
    assertThat(c.name).isEqualTo("ombuds_portal");
    assertThat(c.httpOnly).isTrue();
    assertThat(c.path).isEqualTo("/portal");
    assertThat(c.sameSite.name()).isEqualTo("STRICT");
    tab.assertClean();
    tab.close();

    // The Ombuds links the thread to a person and asks for consent to a draft.
    Http ombuds = office.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    String caseId =
        ombuds
            .post(
                "/api/v1/cases",
                Map.of(
                    "title", "Shouting",
                    "categories", List.of("1a"),
                    "workUnit", Map.of("name", "Finance", "size", 30)))
            .json()
            .get("id")
            .stringValue();
    String person =
        ombuds
            .post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "Ada"))
            .json()
            .get("id")
            .stringValue();
    String thread = ombuds.get("/api/v1/portal/threads").json().get(0).get("id").stringValue();
    assertThat(
            ombuds
                .post(
                    "/api/v1/portal/threads/" + thread + "/link",
                    Map.of("caseId", caseId, "personId", person))
                .status())
        .isEqualTo(200);
    ombuds.post("/api/v1/portal/threads/" + thread + "/replies", Map.of("text", "Thank you."));
    String d =
        ombuds
            .post(
                "/api/v1/cases/" + caseId + "/disclosures",
                Map.of(
                    "recipient", "Head of Finance",
                    "identity", "ANONYMOUS",
                    "channel", "meeting",
                    "text", "Please remind the team that shouting in meetings is not acceptable."))
            .json()
            .get("id")
            .stringValue();
    assertThat(
            ombuds
                .post("/api/v1/cases/" + caseId + "/disclosures/" + d + "/portal-consent", Map.of())
                .status())
        .isEqualTo(201);
    ombuds.delete("/api/v1/session");

    // The visitor comes back with the receipt, reads the reply and grants consent.
    tab = browser.open(base);
    page = tab.page();
    returnWith(page, receipt);
    expect(page.getByText("Thank you.")).isVisible();
    expect(page.getByText("Please remind the team that shouting in meetings is not acceptable."))
        .isVisible();
    tab.assertAccessible();
    button(page, "I consent to version 1");
    page.waitForURL(u -> u.contains("done=granted"));
    expect(page.getByRole(AriaRole.STATUS)).containsText("recorded for this exact version");

    ombuds = office.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    Http.Response released =
        ombuds.post(
            "/api/v1/cases/" + caseId + "/disclosures/" + d + "/release",
            Map.of("basis", "CONSENT"));
    assertThat(released.status()).as(released.body()).isEqualTo(200);

    page.getByLabel("What happened").fill("I was moved to another desk.");
    button(page, "Report it now");
    page.waitForURL(u -> u.contains("done=reported"));
    tab.assertAccessible();
    tab.assertClean();
    JsonNode alerts = ombuds.get("/api/v1/alerts").json();
    boolean urgent = false;
    for (JsonNode a : alerts) {
      urgent |=
          a.get("kind").stringValue().equals("RETALIATION_REPORTED")
              && a.get("urgent").booleanValue()
              && caseId.equals(a.get("caseId").stringValue());
    }
    assertThat(urgent).as("an urgent alert with the case: %s", alerts).isTrue();
  }

  @Test
  void the_ombuds_inbox_pages_are_accessible() {
    Http ombuds = office.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    office.http().post("/portal/contact", Map.of("message", "Hello from the inbox test."));
    tab = browser.open(base, new Browser.Options().cookie("ombuds_session", ombuds.token()));
    Page page = tab.page();
    go(page, "/inbox");
    tab.assertAccessible();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Anonymous visitor"))
        .first()
        .click();
    page.waitForURL(u -> u.contains("/inbox/"));
    expect(page.getByText("Hello from the inbox test.")).isVisible();
    tab.assertAccessible();
    page.getByLabel("Reply").fill("We can meet on Monday.");
    button(page, "Send the reply");
    page.waitForURL(u -> u.contains("done=replied"));
    expect(page.getByText("We can meet on Monday.")).isVisible();
    tab.assertClean();
  }

  @Test
  void contact_and_return_work_with_javascript_turned_off() {
    tab = browser.open(base, new Browser.Options().javaScript(false));
    Page page = tab.page();
    String receipt = contact(page, "Written without JavaScript.");
    page.context().clearCookies();
    returnWith(page, receipt);
    expect(page.getByText("Written without JavaScript.")).isVisible();
    page.getByLabel("Write a new message").fill("A second message.");
    button(page, "Send");
    page.waitForURL(u -> u.contains("done=sent"));
    expect(page.getByText("A second message.")).isVisible();
    button(page, "Close my conversation on this device");
    page.waitForURL(u -> u.endsWith("/portal?lang=en"));
    assertThat(page.context().cookies()).isEmpty();
    // The session is gone: the conversation page sends the visitor back to the receipt form.
    go(page, "/portal/me?lang=en");
    assertThat(page.url()).contains("/portal/return");
    expect(page.getByText("Your session ended")).isVisible();
  }
}
