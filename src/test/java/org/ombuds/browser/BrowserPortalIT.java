package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.browser.PortalSteps.button;
import static org.ombuds.browser.PortalSteps.contact;
import static org.ombuds.browser.PortalSteps.expect;
import static org.ombuds.browser.PortalSteps.go;
import static org.ombuds.browser.PortalSteps.returnWith;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Browser;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/**
 * The visitor portal in a real Chromium, beside the whole journey in {@link
 * BrowserPortalJourneyIT}: the Ombuds' inbox pages, accessible (axe-core, zero violations) and
 * CSP-clean; and contact and return with JavaScript turned off.
 */
class BrowserPortalIT {
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
