package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.stories.Disclaimer;
import org.ombuds.testing.Browser;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/**
 * The story editor in a real Chromium: a story drawn from the reference case, a real name typed
 * into it flagged by the live risk panel (htmx) and by the no-JS check, the export refused and
 * explained before consent, and a story without a case blocked by an open case's name; every page
 * checked by axe-core with zero violations, a clean console and no request leaving the server.
 */
class BrowserStoryIT {
  private static final Pattern STORY = Pattern.compile(".*/stories/([0-9a-f-]{36})\\?done=created");

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
                    "Safety concerns in a small operations group",
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "Operations group", "size", 8)))
            .json()
            .get("id")
            .stringValue();
    api.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "Jane"));
    api.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "OTHER_PARTY", "name", "Mike"));
    api.post(
        "/api/v1/cases/" + caseId + "/notes",
        Map.of("text", "Jane came to share her concerns about the actions of Mike."));
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

  private static void login(Page page) {
    page.navigate(base + "/login");
    page.locator("#username").fill(TestOffice.USERNAME);
    page.locator("#passphrase").fill(TestOffice.PASSPHRASE);
    page.locator("#passphrase").press("Enter");
    page.waitForURL(base + "/dashboard");
  }

  private static String startStory(Page page, String caseValue, String text) {
    Response r = page.navigate(base + "/stories");
    assertThat(r.status()).isEqualTo(200);
    page.locator("#new-caseId").selectOption(caseValue);
    page.locator("#new-audience").fill("2500");
    if (text != null) {
      page.locator("#new-text").fill(text);
    }
    page.locator("#story-create").click();
    page.waitForURL(STORY.asPredicate());
    Matcher m = STORY.matcher(page.url());
    assertThat(m.matches()).isTrue();
    return m.group(1);
  }

  @Test
  void aStoryFromACase_theLivePanelFlagsARealName_andExportWaitsForConsent() {
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      login(page);
      startStory(page, caseId, null);
      tab.assertAccessible();
      Locator text = page.locator("#story-text");
      String draft = text.inputValue();
      assertThat(draft).doesNotContain("Jane ").contains("*").endsWith(Disclaimer.ENGLISH);
      expect(page.locator("#story-risk .findings mark")).not().hasText("Jane");

      // Typing the real name back in: the live panel (htmx) flags it as a name of the case.
      Response preview =
          page.waitForResponse(
              resp -> resp.url().endsWith("/preview"),
              () -> {
                text.fill("Jane told us everything.\n\n" + draft);
              });
      assertThat(preview.status()).isEqualTo(200);
      expect(page.locator("#story-risk .findings mark").first()).hasText("Jane");
      expect(page.locator("#story-risk .risk-level")).containsText("High risk");
      tab.assertAccessible();

      // The no-JS check shows the same, without saving.
      page.locator("#story-check").click();
      page.waitForLoadState();
      expect(page.locator("#story-risk .findings mark").first()).hasText("Jane");
      assertThat(page.locator("#story-text").inputValue()).startsWith("Jane told us");

      // Export before consent: refused, and the page says why.
      assertThat(page.locator("#export-pdf").count()).isZero();
      String id = page.url().replaceAll(".*/stories/([0-9a-f-]{36}).*", "$1");
      Response refused = page.navigate(base + "/stories/" + id + "/export/pdf");
      assertThat(refused.status()).isEqualTo(409);
      expect(page.locator("#story-refusal")).containsText("consented");
      tab.assertAccessible();
      tab.assertCleanAllowingStatus(409);
    }
  }

  @Test
  void aStoryWithoutACase_holdingAnOpenCasesName_isBlockedWithTheMatchesListed() {
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      login(page);
      startStory(page, "", "Ottoline* met Mike in the corridor.\n\n" + Disclaimer.ENGLISH);
      expect(page.locator("#story-risk .findings mark").first()).hasText("Mike");
      page.locator("#story-open-check").click();
      page.waitForLoadState();
      expect(page.locator("#story-matches li mark")).hasText("Mike");
      assertThat(page.url()).doesNotContain("Mike").doesNotContain(caseId);
      tab.assertAccessible();
      tab.assertClean();
    }
  }
}
