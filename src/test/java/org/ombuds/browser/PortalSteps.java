package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

/** What a visitor does in the portal, shared by the portal's browser tests. */
final class PortalSteps {
  /** A receipt as the portal shows it: Crockford base32 in dash-separated groups. */
  static final String RECEIPT =
      "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]{5}";

  private PortalSteps() {}

  static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  /** Navigates to {@code path} and requires a 2xx answer. */
  static Response go(Page page, String path) {
    Response r = page.navigate(path);
    assertThat(r).isNotNull();
    assertThat(r.status()).as("status of %s", path).isBetween(200, 299);
    return r;
  }

  /** Clicks the button with exactly this accessible name. */
  static void button(Page page, String name) {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true))
        .click();
  }

  /** Writes to the Ombuds from the portal's front page; returns the receipt read off the page. */
  static String contact(Page page, String message) {
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

  /** Opens the visitor's own thread by typing the receipt into the return page. */
  static void returnWith(Page page, String receipt) {
    go(page, "/portal/return?lang=en");
    page.getByLabel("Receipt").fill(receipt);
    button(page, "Open");
    page.waitForURL(u -> u.contains("/portal/me"));
  }
}
