package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.retaliation.AlertKind;
import org.ombuds.testing.Browser;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/**
 * The retaliation watch in a real Chromium: the Ombuds agrees a watch on a case page, sees the
 * upcoming check-in on the dashboard, acknowledges an urgent alert, marks the check-in done and
 * opens the e-mail settings; every page with zero axe violations and a clean console.
 */
class BrowserRetaliationIT {
  private static TestOffice office;
  private static Browser browser;
  private static String base;
  private static String caseId;

  @BeforeAll
  static void start() {
    browser = Browser.launch();
    office = TestOffice.create().serve();
    base = office.http().base();
    Http api = office.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    caseId =
        api.post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Safety concerns",
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "Operations group", "size", 8)))
            .json()
            .get("id")
            .stringValue();
    api.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "Jane"));
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

  private static LocatorAssertions expect(Locator locator) {
    return PlaywrightAssertions.assertThat(locator);
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  @Test
  void the_ombuds_agrees_a_watch_sees_the_check_in_and_acknowledges_an_alert() {
    office.office.alerts().raise(AlertKind.PORTAL_MESSAGE, false, Optional.of(caseId));
    office.office.alerts().raise(AlertKind.RETALIATION_REPORTED, true, Optional.of(caseId));
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      page.navigate("/login");
      page.locator("#username").fill(TestOffice.USERNAME);
      page.locator("#passphrase").fill(TestOffice.PASSPHRASE);
      page.locator("#passphrase").press("Enter");
      page.waitForURL(base + "/dashboard");

      // The case page: agree a watch with the visitor.
      page.navigate("/cases/" + caseId);
      Locator section = page.locator("#watch");
      expect(section.locator("h2")).hasText("Retaliation watch");
      tab.assertAccessible();
      section.locator("#watch-until").fill(today().plusDays(45).toString());
      section.locator("#watch-checkin-0").fill(today().plusDays(2).toString());
      section.locator("#watch-checkin-1").fill(today().plusDays(30).toString());
      section.locator("#watch-submit").click();
      page.waitForURL(url -> url.contains("done=watch"));
      expect(page.locator("#watch .flash")).hasText("Watch agreed.");
      expect(page.locator("#watch table tbody tr")).hasCount(2);
      tab.assertAccessible();

      // The dashboard: the upcoming check-in (the later one is beyond 14 days), urgent first.
      page.navigate("/dashboard");
      Locator checkIns = page.locator("section:has(#check-ins) li");
      expect(checkIns).hasCount(1);
      expect(checkIns.first().locator("time"))
          .hasAttribute("datetime", today().plusDays(2).toString());
      Locator alerts = page.locator("ul.alerts > li");
      expect(alerts).hasCount(2);
      expect(alerts.first()).hasClass("alert urgent");
      expect(alerts.first()).containsText("Urgent");
      expect(alerts.first()).containsText("Retaliation reported");
      tab.assertAccessible();

      alerts.first().getByText("Acknowledge").click();
      page.waitForURL(url -> url.contains("done=acknowledged"));
      expect(page.locator("p.flash")).hasText("Alert acknowledged.");
      expect(page.locator("ul.alerts > li")).hasCount(1);
      expect(page.locator("ul.alerts > li").first()).not().hasClass("alert urgent");

      page.locator("section:has(#check-ins) li button").click();
      page.waitForURL(url -> url.contains("done=checkIn"));
      expect(page.locator("section:has(#check-ins)")).containsText("No check-ins due.");
      tab.assertAccessible();

      page.navigate("/settings/notifications");
      expect(page.locator("h1")).hasText("E-mail notifications");
      tab.assertAccessible();
      tab.assertClean();
    }
    assertThat(office.office.watches().forCase(accountId(), caseId).get(0).checkIns().get(0).done())
        .isTrue();
  }

  private static String accountId() {
    return office.office.accounts().accounts().get(0).id();
  }
}
