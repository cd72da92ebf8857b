package org.ombuds.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.integrity.Scenario.ok;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Browser;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import org.ombuds.web.I18n;
import tools.jackson.databind.JsonNode;

/**
 * The case list and the portal inbox in a real Chromium when the DBA has edited one case file and
 * one thread: each page opens, lists the others as before, and shows the edited row as one that
 * cannot be verified, with nothing of it.
 */
class TamperedPagesIT {
  private static final I18n EN = I18n.of("en");
  private static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.launch();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  private static void go(Page page, String path) {
    Response r = page.navigate(path);
    assertThat(r).as("a response for %s", path).isNotNull();
    assertThat(r.status()).as("status of %s", path).isEqualTo(200);
  }

  private static void login(Page page, String base) {
    go(page, "/login");
    page.locator("#username").fill(TestOffice.USERNAME);
    page.locator("#passphrase").fill(TestOffice.PASSPHRASE);
    page.locator("#passphrase").press("Enter");
    page.waitForURL(base + "/dashboard");
  }

  private static String threadNamed(Http ombuds, String name) {
    for (JsonNode n : ok(ombuds.get("/api/v1/portal/threads"), 200).json()) {
      if (n.path("name").isString() && name.equals(n.get("name").stringValue())) {
        return n.get("id").stringValue();
      }
    }
    throw new AssertionError("no thread of " + name);
  }

  private static Locator tampered(Page page) {
    return page.locator("tbody tr.tampered");
  }

  @Test
  void the_case_list_and_the_inbox_flag_the_edited_rows_and_show_nothing_of_them() {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      Scenario.caseWithJane(a, "Sound case");
      String edited = Scenario.caseWithJane(a, "Edited case")[0];
      for (String name : List.of("Visitor Sound", "Visitor Edited")) {
        ok(o.http().post("/portal/contact", Map.of("message", "Hello.", "name", name)), 201);
      }
      String thread = threadNamed(a, "Visitor Edited");
      String base = o.http().base();

      try (Browser.Tab tab = browser.open(base)) {
        Page page = tab.page();
        login(page, base);
        go(page, "/cases");
        assertThat(page.locator("#results tbody").innerText())
            .as("the control")
            .contains("Sound case", "Edited case");
        assertThat(tampered(page).count()).as("the control: nothing flagged").isZero();
        go(page, "/inbox");
        assertThat(page.locator("tbody").innerText()).contains("Visitor Sound", "Visitor Edited");
        assertThat(tampered(page).count()).isZero();
        tab.assertClean();
      }

      o.dba(1, "UPDATE case_file SET version = version + 1 WHERE id = ?", edited);
      o.dba(1, "UPDATE portal_thread SET unread = 1 - unread WHERE id = ?", thread);
      base = o.http().base();
      try (Browser.Tab tab = browser.open(base)) {
        Page page = tab.page();
        login(page, base);
        go(page, "/cases");
        assertThat(tampered(page).count()).isEqualTo(1);
        assertThat(tampered(page).innerText())
            .contains(EN.t("cases.tamperedName"))
            .contains(EN.t("cases.tampered"));
        String cases = page.locator("#results").innerText();
        assertThat(cases).contains("Sound case").doesNotContain("Edited case");
        assertThat(page.content()).doesNotContain(edited);

        go(page, "/inbox");
        assertThat(tampered(page).count()).isEqualTo(1);
        assertThat(tampered(page).innerText())
            .contains(EN.t("inbox.tamperedName"))
            .contains(EN.t("inbox.tampered"));
        assertThat(page.locator("tbody").innerText())
            .contains("Visitor Sound")
            .doesNotContain("Visitor Edited");
        assertThat(page.content()).doesNotContain(thread);

        go(page, "/dashboard");
        assertThat(page.locator("body").innerText()).contains("Sound case");
        tab.assertClean();
      }
    }
  }
}
