package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Browser;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/**
 * The annual report page in a real Chromium: charts served by the app, each with its data table
 * beside it, hidden counts shown as labels, the editor saving the Ombuds' text as written,
 * accessible (axe-core, zero violations), in English and French, nothing loaded from outside.
 */
class BrowserReportIT {
  private static TestOffice office;
  private static Browser browser;
  private static String base;
  private static int year;

  @BeforeAll
  static void start() {
    browser = Browser.launch();
    office = TestOffice.create().serve();
    base = office.http().base();
    year = Year.now(ZoneOffset.UTC).getValue();
    Http api = office.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    for (int i = 0; i < 7; i++) {
      String id =
          api.post(
                  "/api/v1/cases",
                  Map.of(
                      "title", "Matter " + i,
                      "categories", List.of(i < 6 ? "2b" : "6a"),
                      "workUnit", Map.of("name", "Library", "size", 30)))
              .json()
              .get("id")
              .stringValue();
      api.post(
          "/api/v1/cases/" + id + "/persons",
          Map.of("role", "VISITOR", "name", "Some Visitor", "gender", "WOMAN"));
      assertThat(api.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "RESOLVED")).status())
          .isEqualTo(200);
    }
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

  private static void login(Page page) {
    page.navigate(base + "/login");
    page.locator("#username").fill(TestOffice.USERNAME);
    page.locator("#passphrase").fill(TestOffice.PASSPHRASE);
    page.locator("#passphrase").press("Enter");
    page.waitForURL(base + "/dashboard");
  }

  @Test
  void theReportPage_withChartsAndTables_isAccessible_inEnglishAndFrench() {
    for (String lang : List.of("en", "fr")) {
      try (Browser.Tab tab = browser.open(base, new Browser.Options().locale(lang))) {
        Page page = tab.page();
        login(page);
        Response r = page.navigate(base + "/reports?year=" + year);
        assertThat(r.status()).isEqualTo(200);
        assertThat(page.locator("h1").textContent()).contains(Integer.toString(year));
        // every chart is an image from this server that loaded, with a table in the same section
        assertThat(page.locator("figure.report-chart img").count()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
          var img = page.locator("figure.report-chart img").nth(i);
          img.scrollIntoViewIfNeeded();
          page.waitForFunction("i => i.complete && i.naturalWidth > 0", img.elementHandle());
          assertThat(img.locator("xpath=ancestor::section[1]").locator("table").count())
              .isEqualTo(1);
        }
        String body = page.locator("main").textContent();
        assertThat(body).contains("< 5");
        tab.assertAccessible();
        tab.assertClean();
      }
    }
  }

  @Test
  void theEditor_savesTheAssessmentAsWritten() {
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      login(page);
      page.navigate(base + "/reports?year=" + year);
      String text = "Our office <b>grew</b> & we thank everyone.";
      page.locator("#editor-assessment").fill(text);
      page.locator("#editor-personnel").fill("1200");
      page.locator("#editor-assessment").evaluate("t => t.form.requestSubmit()");
      page.waitForURL(u -> u.contains("done=saved"));
      assertThat(page.locator("#editor-assessment").inputValue()).isEqualTo(text);
      assertThat(page.locator("#editor-personnel").inputValue()).isEqualTo("1200");
      tab.assertAccessible();
      tab.assertClean();
    }
  }
}
