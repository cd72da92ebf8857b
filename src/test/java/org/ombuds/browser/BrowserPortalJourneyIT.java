package org.ombuds.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.browser.PortalSteps.button;
import static org.ombuds.browser.PortalSteps.contact;
import static org.ombuds.browser.PortalSteps.expect;
import static org.ombuds.browser.PortalSteps.go;
import static org.ombuds.browser.PortalSteps.returnWith;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.retaliation.NotificationIT;
import org.ombuds.testing.Browser;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/**
 * The visitor's whole journey in a real Chromium, with e-mail notifications sent to a real SMTP
 * server: the visitor writes to the Ombuds and writes down the receipt; the Ombuds links the thread
 * to a case and asks, through the portal, for consent to an anonymous disclosure; the visitor comes
 * back in a fresh browser with the receipt, reads the exact text and grants consent; the Ombuds
 * releases on that consent; the visitor reports retaliation; the Ombuds' dashboard shows the urgent
 * alert and an e-mail arrives that says nothing of the case. Every page has zero axe violations and
 * a clean console.
 */
class BrowserPortalJourneyIT {
  private static final String MESSAGE =
      "Quillfeather keeps shouting at me during the Thursday stocktake briefings.";
  private static final String NAME = "Adaora Nwachukwu-Lind";
  private static final String TITLE = "Stocktake briefings";
  private static final String RECIPIENT = "Head of Logistics";
  private static final String DISCLOSURE =
      "Please remind the team that raised voices in briefings are not acceptable.";
  private static final String RETALIATION =
      "Since last week my locker was moved beside the loading bay freezer.";

  private static final String URGENT = "There is an urgent alert.";

  private static TestOffice office;
  private static Browser browser;
  private static GreenMail smtp;
  private static String base;

  @BeforeAll
  static void start() {
    smtp = NotificationIT.startedSmtpServer();
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
      try {
        if (office != null) {
          office.close();
        }
      } finally {
        smtp.stop();
      }
    }
  }

  /** The first mail received whose decoded body contains {@code text}, or null. */
  private static MimeMessage mailSaying(String text) throws Exception {
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (String.valueOf(m.getContent()).contains(text)) {
        return m;
      }
    }
    return null;
  }

  /** Waits up to 30 seconds for a mail whose body contains {@code text}; null if none came. */
  private static MimeMessage awaitMail(String text) throws Exception {
    for (int i = 0; i < 300; i++) {
      MimeMessage m = mailSaying(text);
      if (m != null) {
        return m;
      }
      smtp.waitForIncomingEmail(100, smtp.getReceivedMessages().length + 1);
    }
    return null;
  }

  private static Http ombuds() {
    return office.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
  }

  @Test
  void contact_receipt_return_consent_release_retaliation_alert_and_a_content_free_mail()
      throws Exception {
    Http ombuds = ombuds();
    Http.Response put =
        ombuds.put(
            "/api/v1/office/notifications", NotificationIT.settings(smtp.getSmtp().getPort()));
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    ombuds.delete("/api/v1/session");

    // The visitor writes to the Ombuds and writes down the receipt shown once.
    String receipt;
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      go(page, "/portal?lang=en");
      tab.assertAccessible();
      go(page, "/portal?lang=fr");
      expect(page.locator("h1")).hasText("Parler à l'Ombuds");
      tab.assertAccessible();
      receipt = contact(page, MESSAGE);
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
    }
    assertThat(awaitMail("There is a new portal message."))
        .as("a mail for the message")
        .isNotNull();

    // The Ombuds opens a case, links the thread to the visitor and asks for portal consent.
    ombuds = ombuds();
    String caseId =
        ombuds
            .post(
                "/api/v1/cases",
                Map.of(
                    "title", TITLE,
                    "categories", List.of("1a"),
                    "workUnit", Map.of("name", "Logistics", "size", 30)))
            .json()
            .get("id")
            .stringValue();
    JsonNode created =
        ombuds
            .post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", NAME))
            .json();
    String person = created.get("id").stringValue();
    String pseudonym = created.get("pseudonym").stringValue();
    JsonNode threads = ombuds.get("/api/v1/portal/threads").json();
    assertThat(threads).as("the one thread").hasSize(1);
    String thread = threads.get(0).get("id").stringValue();
    Http.Response linked =
        ombuds.post(
            "/api/v1/portal/threads/" + thread + "/link",
            Map.of("caseId", caseId, "personId", person));
    assertThat(linked.status()).as(linked.body()).isEqualTo(200);
    Http.Response drafted =
        ombuds.post(
            "/api/v1/cases/" + caseId + "/disclosures",
            Map.of(
                "recipient",
                RECIPIENT,
                "identity",
                "ANONYMOUS",
                "channel",
                "meeting",
                "text",
                DISCLOSURE,
                "concerns",
                List.of(person)));
    assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
    String d = drafted.json().get("id").stringValue();
    Http.Response early =
        ombuds.post(
            "/api/v1/cases/" + caseId + "/disclosures/" + d + "/release",
            Map.of("basis", "CONSENT"));
    assertThat(early.status()).as("no release before consent: %s", early.body()).isEqualTo(409);
    Http.Response asked =
        ombuds.post("/api/v1/cases/" + caseId + "/disclosures/" + d + "/portal-consent", Map.of());
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    ombuds.delete("/api/v1/session");

    // The visitor comes back in a fresh browser, types the receipt, reads the exact text, consents.
    try (Browser.Tab tab = browser.open(base)) {
      Page page = tab.page();
      assertThat(tab.context().cookies()).as("a fresh browser").isEmpty();
      returnWith(page, receipt);
      expect(page.getByText(MESSAGE)).isVisible();
      Locator request = page.locator("article.consent-request");
      expect(request).hasCount(1);
      expect(request.locator("h3")).containsText(RECIPIENT);
      expect(request.locator("blockquote.draft-text")).hasText(DISCLOSURE);
      tab.assertAccessible();
      button(page, "I consent to version 1");
      page.waitForURL(u -> u.contains("done=granted"));
      expect(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS))
          .containsText("recorded for this exact version");
      tab.assertAccessible();

      // The Ombuds releases on that consent, given in the portal for this very version.
      ombuds = ombuds();
      Http.Response released =
          ombuds.post(
              "/api/v1/cases/" + caseId + "/disclosures/" + d + "/release",
              Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);
      JsonNode r = released.json();
      assertThat(r.get("status").stringValue()).isEqualTo("RELEASED");
      int version = r.get("version").intValue();
      List<JsonNode> portal = new ArrayList<>();
      for (JsonNode consent : r.get("consents")) {
        if (consent.get("personId").stringValue().equals(person)
            && consent.get("method").stringValue().equals("PORTAL")
            && consent.get("version").intValue() == version
            && consent.get("current").booleanValue()) {
          portal.add(consent);
        }
      }
      assertThat(portal).as("a portal consent for version %s: %s", version, r).hasSize(1);

      // The visitor reports retaliation.
      assertThat(mailSaying(URGENT)).as("no urgent mail before the report").isNull();
      page.getByLabel("What happened").fill(RETALIATION);
      button(page, "Report it now");
      page.waitForURL(u -> u.contains("done=reported"));
      tab.assertAccessible();
      tab.assertClean();
    }

    // The alert: listed by the API, urgent, with the case; shown first on the dashboard.
    JsonNode alerts = ombuds.get("/api/v1/alerts").json();
    String alertId = null;
    for (JsonNode a : alerts) {
      if (a.get("kind").stringValue().equals("RETALIATION_REPORTED")
          && a.get("urgent").booleanValue()
          && caseId.equals(a.get("caseId").stringValue())) {
        alertId = a.get("id").stringValue();
      }
    }
    assertThat(alertId).as("an urgent alert with the case: %s", alerts).isNotNull();
    try (Browser.Tab tab =
        browser.open(base, new Browser.Options().cookie("ombuds_session", ombuds.token()))) {
      Page page = tab.page();
      go(page, "/dashboard");
      Locator urgent = page.locator("ul.alerts > li.urgent");
      expect(urgent).hasCount(1);
      expect(urgent).containsText("Urgent");
      expect(urgent).containsText("Retaliation reported");
      expect(urgent.locator("a[href='/cases/" + caseId + "']")).hasCount(1);
      expect(urgent.locator("form[action='/alerts/" + alertId + "/acknowledge']")).hasCount(1);
      tab.assertAccessible();
      tab.assertClean();
    }

    // The e-mail says only that something urgent needs attention: nothing of the case.
    MimeMessage urgentMail = awaitMail(URGENT);
    assertThat(urgentMail).as("the urgent mail arrives").isNotNull();
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(urgentMail.getSubject()).contains("something needs your attention");
    assertThat(GreenMailUtil.getBody(urgentMail)).contains("Log in");
    List<String> secrets =
        new ArrayList<>(
            List.of(
                caseId,
                alertId,
                thread,
                d,
                person,
                receipt,
                TITLE,
                "Stocktake",
                MESSAGE,
                "Quillfeather",
                RETALIATION,
                "locker",
                DISCLOSURE,
                RECIPIENT,
                NAME,
                "Adaora",
                "Nwachukwu",
                pseudonym));
    // The pseudonym without its asterisk is a common first name ("Pat"), which can stand inside
    // header words ("Return-Path"): it is searched as a whole word, in the subject and the body.
    Pattern bare =
        Pattern.compile(
            "\\b" + Pattern.quote(pseudonym.replace("*", "").strip()) + "\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    for (MimeMessage m : mails) {
      String subject = m.getSubject();
      String whole = GreenMailUtil.getWholeMessage(m);
      String text = String.valueOf(m.getContent()); // decoded, in case of quoted-printable
      assertThat(text).contains("Log in");
      for (String secret : secrets) {
        assertThat(subject).as("subject").doesNotContainIgnoringCase(secret);
        assertThat(text).as("the decoded body").doesNotContainIgnoringCase(secret);
        assertThat(whole).as("the whole mail").doesNotContainIgnoringCase(secret);
      }
      assertThat(subject).as("subject").doesNotContainPattern(bare);
      assertThat(text).as("the decoded body").doesNotContainPattern(bare);
    }
  }
}
