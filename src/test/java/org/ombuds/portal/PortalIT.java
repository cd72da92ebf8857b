package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.AuditKind;
import org.ombuds.store.JdbiAuditStore;
import org.ombuds.testing.Http;
import org.ombuds.testing.MutableClock;
import org.ombuds.testing.Releases;
import org.ombuds.testing.TestOffice;
import org.ombuds.vault.PortalVault;
import org.ombuds.vault.Receipt;
import tools.jackson.databind.JsonNode;

/** The visitor portal over HTTP against a real server: every contract shape and refusal. */
class PortalIT {
  static final String RECEIPT_SHAPE =
      "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]{5}";

  static Http login(TestOffice t) {
    return t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
  }

  static void logout(Http ombuds) {
    assertThat(ombuds.delete("/api/v1/session").status()).isEqualTo(204);
  }

  static String receipt(Http.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("receipt").stringValue();
  }

  static Http visitor(TestOffice t, String receipt) {
    Http.Response r = t.http().post("/portal/session", Map.of("receipt", receipt));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return t.http().withToken(r.json().get("token").stringValue());
  }

  record Story(String caseId, String jane, String receipt) {}

  /** A case with Jane (visitor) who was handed portal access in person. */
  static Story story(Http ombuds) {
    String caseId =
        ombuds
            .post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Safety concerns",
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "Operations group", "size", 40)))
            .json()
            .get("id")
            .stringValue();
    String jane =
        ombuds
            .post(
                "/api/v1/cases/" + caseId + "/persons",
                Map.of("role", "VISITOR", "name", "Jane Doe"))
            .json()
            .get("id")
            .stringValue();
    String receipt =
        receipt(
            ombuds.post(
                "/api/v1/cases/" + caseId + "/persons/" + jane + "/portal-access", Map.of()));
    return new Story(caseId, jane, receipt);
  }

  /** A case whose visitor (Jo) was met in person and never given portal access; its id. */
  static String metInPersonOnly(Http ombuds) {
    String caseId =
        ombuds
            .post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Met in person only",
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "Operations group", "size", 40)))
            .json()
            .get("id")
            .stringValue();
    ombuds.post(
        "/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "Jo Doe"));
    return caseId;
  }

  static String draft(Http ombuds, Story s, String text) {
    Http.Response r =
        ombuds.post(
            "/api/v1/cases/" + s.caseId() + "/disclosures",
            Map.of(
                "recipient", "Head of Operations",
                "identity", "ANONYMOUS",
                "channel", "meeting",
                "text", text));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").stringValue();
  }

  static List<AuditKind> kinds(TestOffice t) {
    List<AuditKind> kinds = new ArrayList<>();
    new JdbiAuditStore(t.office.db()).forEachInOrder(e -> kinds.add(e.kind()));
    return kinds;
  }

  @Test
  void a_visitor_contacts_opens_a_session_and_reads_a_reply_while_the_office_is_locked() {
    try (TestOffice t = TestOffice.create().serve()) {
      assertThat(t.office.sessions().keys()).as("locked").isEmpty();
      String receipt =
          receipt(
              t.http()
                  .post(
                      "/portal/contact",
                      Map.of(
                          "message", "My manager shouts at me.",
                          "name", "Ada",
                          "reachAt", "555-0100",
                          "meeting", "PHONE")));
      assertThat(receipt).matches(RECEIPT_SHAPE);
      assertThat(t.office.sessions().keys()).as("still locked").isEmpty();

      Http visitor = visitor(t, receipt.toLowerCase(java.util.Locale.ROOT).replace("-", " "));
      JsonNode thread = visitor.get("/portal/thread").json();
      assertThat(thread.get("linkedToCase").booleanValue()).isFalse();
      JsonNode first = thread.get("messages").get(0);
      assertThat(first.get("author").stringValue()).isEqualTo("VISITOR");
      assertThat(first.get("text").stringValue()).isEqualTo("My manager shouts at me.");
      assertThat(first.get("day").stringValue())
          .as("the day, nothing finer")
          .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

      Http ombuds = login(t);
      JsonNode inbox = ombuds.get("/api/v1/portal/threads").json();
      assertThat(inbox).hasSize(1);
      assertThat(inbox.get(0).get("unread").booleanValue()).isTrue();
      assertThat(inbox.get(0).get("name").stringValue()).isEqualTo("Ada");
      String id = inbox.get(0).get("id").stringValue();
      JsonNode read = ombuds.get("/api/v1/portal/threads/" + id).json();
      assertThat(read.get("reachAt").stringValue()).isEqualTo("555-0100");
      assertThat(read.get("meeting").stringValue()).isEqualTo("PHONE");
      assertThat(read.get("messages").get(0).get("text").stringValue())
          .isEqualTo("My manager shouts at me.");
      assertThat(ombuds.get("/api/v1/portal/threads").json().get(0).get("unread").booleanValue())
          .as("read now")
          .isFalse();
      Http.Response reply =
          ombuds.post("/api/v1/portal/threads/" + id + "/replies", Map.of("text", "Let us meet."));
      assertThat(reply.status()).as(reply.body()).isEqualTo(201);
      logout(ombuds);
      assertThat(t.office.sessions().keys()).as("locked again").isEmpty();

      JsonNode again = visitor.get("/portal/thread").json().get("messages");
      assertThat(again).hasSize(2);
      assertThat(again.get(1).get("author").stringValue()).isEqualTo("OMBUDS");
      assertThat(again.get(1).get("text").stringValue()).isEqualTo("Let us meet.");
      JsonNode fresh = visitor(t, receipt).get("/portal/thread").json().get("messages");
      assertThat(fresh.get(1).get("text").stringValue()).isEqualTo("Let us meet.");

      assertThat(visitor.post("/portal/messages", Map.of("text", "Thank you.")).status())
          .isEqualTo(201);
      assertThat(visitor.delete("/portal/session").status()).isEqualTo(204);
      assertThat(visitor.get("/portal/thread").status()).as("session ended").isEqualTo(401);
      assertThat(kinds(t))
          .contains(
              AuditKind.PORTAL_CONTACTED,
              AuditKind.PORTAL_SESSION_OPENED,
              AuditKind.PORTAL_THREAD_READ,
              AuditKind.PORTAL_REPLIED,
              AuditKind.PORTAL_MESSAGE_SENT);
    }
  }

  @Test
  void bad_input_gets_a_clear_refusal_and_stores_nothing() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http anyone = t.http();
      Http.Response empty = anyone.post("/portal/contact", Map.of("message", "   "));
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.json().get("error").stringValue()).isEqualTo("empty");
      Http.Response big = anyone.post("/portal/contact", Map.of("message", "x".repeat(5001)));
      assertThat(big.status()).isEqualTo(413);
      assertThat(big.json().get("error").stringValue()).isEqualTo("too_long");
      assertThat(big.json().get("message").stringValue()).contains("5000");
      assertThat(
              anyone
                  .post("/portal/contact", Map.of("message", "hi", "name", "n".repeat(201)))
                  .status())
          .isEqualTo(400);
      assertThat(
              anyone.post("/portal/contact", Map.of("message", "hi", "meeting", "DINNER")).status())
          .isEqualTo(400);
      assertThat(anyone.postRaw("/portal/contact", "application/json", "{").status())
          .isEqualTo(400);
      assertThat(anyone.postRaw("/portal/contact", "text/plain", "hi").status()).isEqualTo(415);
      assertThat(t.office.portal().unreadCount()).as("nothing stored").isZero();

      Http.Response malformed = anyone.post("/portal/session", Map.of("receipt", "ABCD-EFGH"));
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.json().get("error").stringValue()).isEqualTo("invalid_receipt");
      String real = receipt(anyone.post("/portal/contact", Map.of("message", "hello")));
      String wrong = otherReceipt(real);
      Http.Response refused = anyone.post("/portal/session", Map.of("receipt", wrong));
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("wrong_receipt");
      assertThat(refused.body()).doesNotContain(wrong);

      Http visitor = visitor(t, real);
      assertThat(visitor.post("/portal/messages", Map.of("text", "")).status()).isEqualTo(400);
      assertThat(visitor.post("/portal/messages", Map.of("text", "y".repeat(5001))).status())
          .isEqualTo(413);
      assertThat(visitor.post("/portal/retaliation", Map.of("text", " ")).status()).isEqualTo(400);
      assertThat(
              visitor
                  .post(
                      "/portal/consent-requests/" + java.util.UUID.randomUUID() + "/grant",
                      Map.of())
                  .status())
          .isEqualTo(404);
      assertThat(visitor.post("/portal/consent-requests/not-an-id/decline", Map.of()).status())
          .isEqualTo(404);
      assertThat(visitor.get("/portal/thread").json().get("messages")).hasSize(1);

      // Neither kind of token opens the other's routes.
      assertThat(visitor.get("/api/v1/cases").status()).isEqualTo(401);
      assertThat(visitor.get("/api/v1/portal/threads").status()).isEqualTo(401);
      Http ombuds = login(t);
      Http.Response asOmbuds = ombuds.get("/portal/thread");
      assertThat(asOmbuds.status()).isEqualTo(401);
      assertThat(asOmbuds.json().get("message").stringValue()).contains("receipt");
      assertThat(t.http().get("/portal/consent-requests").status()).isEqualTo(401);
      assertThat(
              t.http()
                  .withToken("forged")
                  .post("/portal/retaliation", Map.of("text", "x"))
                  .status())
          .isEqualTo(401);
    }
  }

  /** A well-typed receipt that is not {@code real}: same shape and a valid check symbol. */
  static String otherReceipt(String real) {
    PortalVault v = new PortalVault();
    String other;
    do {
      other = v.newReceipt().reveal();
    } while (other.equals(real));
    return other;
  }

  @Test
  void a_visitor_session_ends_after_fifteen_idle_minutes() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      String receipt = receipt(t.http().post("/portal/contact", Map.of("message", "hello")));
      Http visitor = visitor(t, receipt);
      clock.advance(Duration.ofMinutes(14));
      assertThat(visitor.get("/portal/thread").status()).isEqualTo(200);
      clock.advance(Duration.ofMinutes(16));
      Http.Response expired = visitor.get("/portal/thread");
      assertThat(expired.status()).isEqualTo(401);
      assertThat(expired.json().get("message").stringValue()).contains("15 minutes");
      assertThat(visitor(t, receipt).get("/portal/thread").status()).isEqualTo(200);
    }
  }

  private static Connection sql(TestOffice t) throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("ombuds.db"));
  }

  /** Well-typed wrong receipts whose hints no thread of this office has (as a guesser's are). */
  static List<String> unmatchedReceipts(TestOffice t, int n) throws SQLException {
    byte[] salt;
    Set<String> hints = new HashSet<>();
    try (Connection c = sql(t);
        Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT salt FROM portal_salt")) {
        assertThat(rs.next()).isTrue();
        salt = rs.getBytes(1);
      }
      try (ResultSet rs = st.executeQuery("SELECT hint FROM portal_thread")) {
        while (rs.next()) {
          hints.add(rs.getString(1));
        }
      }
    }
    PortalVault v = new PortalVault();
    List<String> out = new ArrayList<>();
    while (out.size() < n) {
      Receipt r = v.newReceipt();
      if (!hints.contains(v.hint(r, salt))) {
        out.add(r.reveal());
      }
    }
    return out;
  }

  @Test
  void a_flood_of_wrong_receipts_does_not_hold_up_the_right_one() throws SQLException {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      String real = receipt(t.http().post("/portal/contact", Map.of("message", "hello")));
      List<String> wrong = unmatchedReceipts(t, Portal.FAST_REFUSALS + 50);
      int refused = 0;
      int throttled = 0;
      for (int i = 0; i < wrong.size(); i++) {
        Http.Response r = t.http().post("/portal/session", Map.of("receipt", wrong.get(i)));
        if (i < Portal.FAST_REFUSALS) {
          assertThat(r.status()).as("wrong receipt %d", i).isEqualTo(401);
          assertThat(r.json().get("error").stringValue()).isEqualTo("wrong_receipt");
          refused++;
        } else {
          // The clock stands still: the bucket of fast refusals is empty.
          assertThat(r.status()).as("wrong receipt %d", i).isEqualTo(429);
          assertThat(r.header("Retry-After")).isNotNull();
          throttled++;
        }
        if (i % 50 == 49) {
          assertThat(t.http().post("/portal/session", Map.of("receipt", real)).status())
              .as("the right receipt during the flood, after %d wrong ones", i + 1)
              .isEqualTo(200);
        }
      }
      assertThat(refused + throttled).isGreaterThan(200);
      Http ombuds = login(t);
      assertThat(ombuds.get("/api/v1/cases").status())
          .as("the Ombuds is not locked out")
          .isEqualTo(200);
      assertThat(kinds(t))
          .as("refusals by hint are not audited one by one")
          .doesNotContain(AuditKind.PORTAL_SESSION_REFUSED);
      clock.advance(Portal.FAST_REFILL.multipliedBy(Portal.FAST_REFUSALS));
      assertThat(t.http().post("/portal/session", Map.of("receipt", wrong.get(0))).status())
          .as("the fast bucket refills")
          .isEqualTo(401);
    }
  }

  @Test
  void while_a_thread_has_no_hint_wrong_receipts_take_the_slow_path_and_are_throttled()
      throws SQLException {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      String real = receipt(t.http().post("/portal/contact", Map.of("message", "hello")));
      try (Connection c = sql(t);
          Statement st = c.createStatement()) {
        // As if the thread had been made before V11 (and tagged when this release first opened
        // the office): the prefilter stays off.
        st.executeUpdate("UPDATE portal_thread SET hint = NULL, mac = NULL");
      }
      var db = t.office.db();
      db.inTransaction(() -> db.withHandleForMaintenance(h -> db.tags().tagUntagged(h)));
      List<String> wrong = unmatchedReceipts(t, Portal.FAILURES * 3);
      for (int i = 0; i < Portal.FAILURES; i++) {
        Http.Response r = t.http().post("/portal/session", Map.of("receipt", wrong.get(i)));
        assertThat(r.status()).as("wrong receipt %d", i).isEqualTo(401);
      }
      Http.Response flooded =
          t.http().post("/portal/session", Map.of("receipt", wrong.get(Portal.FAILURES)));
      assertThat(flooded.status()).isEqualTo(429);
      assertThat(flooded.json().get("error").stringValue()).isEqualTo("too_many_attempts");
      assertThat(Long.parseLong(flooded.header("Retry-After"))).isBetween(1L, 10L);
      assertThat(t.http().post("/portal/session", Map.of("receipt", real)).status())
          .as("on the slow path, during the flood, everyone waits")
          .isEqualTo(429);
      Http ombuds = login(t);
      assertThat(ombuds.get("/api/v1/cases").status())
          .as("the Ombuds is not locked out")
          .isEqualTo(200);

      clock.advance(Portal.FAILURE_REFILL.multipliedBy(2));
      assertThat(t.http().post("/portal/session", Map.of("receipt", real)).status())
          .as("after the flood, and the thread's hint is stored")
          .isEqualTo(200);
      assertThat(kinds(t)).contains(AuditKind.PORTAL_SESSION_REFUSED);
      for (int i = Portal.FAILURES + 1; i < wrong.size(); i++) {
        Http.Response r = t.http().post("/portal/session", Map.of("receipt", wrong.get(i)));
        assertThat(r.status()).as("prefilter on, wrong receipt %d", i).isEqualTo(401);
      }
      assertThat(t.http().post("/portal/session", Map.of("receipt", real)).status()).isEqualTo(200);
    }
  }

  @Test
  void a_flood_of_contacts_is_limited_globally_and_refills() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      for (int i = 0; i < Portal.CONTACTS; i++) {
        receipt(t.http().post("/portal/contact", Map.of("message", "m" + i)));
      }
      Http.Response r = t.http().post("/portal/contact", Map.of("message", "one more"));
      assertThat(r.status()).isEqualTo(429);
      assertThat(r.header("Retry-After")).isNotNull();
      clock.advance(Portal.CONTACT_REFILL);
      receipt(t.http().post("/portal/contact", Map.of("message", "later")));
      login(t);
      assertThat(t.office.portal().inbox("x")).hasSize(Portal.CONTACTS + 1);
    }
  }

  @Test
  void consent_granted_in_the_portal_counts_for_that_exact_version_only() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      Story s = story(ombuds);
      String base = "/api/v1/cases/" + s.caseId() + "/disclosures/";
      String d = draft(ombuds, s, "Please remind the whole group of the safety rules.");
      Http.Response asked = ombuds.post(base + d + "/portal-consent", Map.of());
      assertThat(asked.status()).as(asked.body()).isEqualTo(201);
      assertThat(asked.json().get("threads").intValue()).isEqualTo(1);
      logout(ombuds);

      Http visitor = visitor(t, s.receipt());
      JsonNode requests = visitor.get("/portal/consent-requests").json();
      assertThat(requests).hasSize(1);
      JsonNode r = requests.get(0);
      assertThat(r.get("id").stringValue()).isEqualTo(d);
      assertThat(r.get("recipient").stringValue()).isEqualTo("Head of Operations");
      assertThat(r.get("identity").stringValue()).isEqualTo("ANONYMOUS");
      assertThat(r.get("text").stringValue())
          .isEqualTo("Please remind the whole group of the safety rules.");
      assertThat(r.get("version").intValue()).isEqualTo(1);
      assertThat(r.get("status").stringValue()).isEqualTo("PENDING");
      assertThat(r.get("risk").get("level").stringValue()).isIn("LOW", "MEDIUM", "HIGH");
      assertThat(r.get("risk").get("anonymitySet").intValue()).isPositive();
      assertThat(r.get("risk").get("findings").isArray())
          .as("findings, as in the disclosure API: %s", r)
          .isTrue();
      assertThat(r.get("risk").get("reasons").isArray()).isTrue();
      assertThat(visitor.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
          .as("granted while the office is locked")
          .isEqualTo(201);
      assertThat(visitor.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
          .as("once")
          .isEqualTo(409);

      ombuds = login(t);
      Http.Response released = ombuds.post(base + d + "/release", Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);
      assertThat(released.json().get("status").stringValue()).isEqualTo("RELEASED");
      JsonNode consents = ombuds.get(base + d).json().get("consents");
      assertThat(consents.get(0).get("method").stringValue()).isEqualTo("PORTAL");
      assertThat(consents.get(0).get("version").intValue()).isEqualTo(1);
      assertThat(visitor.get("/portal/consent-requests").json())
          .as("only requests awaiting an answer")
          .isEmpty();
      assertThat(
              visitor
                  .get("/portal/thread")
                  .json()
                  .get("consentRequests")
                  .get(0)
                  .get("status")
                  .stringValue())
          .as("the history stays in the thread")
          .isEqualTo("APPLIED");

      // A grant, then an edit: the grant was for version 1 and does not count for version 2.
      String d2 = draft(ombuds, s, "Please remind the group of the rules.");
      ombuds.post(base + d2 + "/portal-consent", Map.of());
      logout(ombuds);
      assertThat(visitor.post("/portal/consent-requests/" + d2 + "/grant", Map.of()).status())
          .isEqualTo(201);
      ombuds = login(t);
      Http.Response edited =
          ombuds.put(
              base + d2,
              Map.of(
                  "recipient", "Head of Operations",
                  "identity", "ANONYMOUS",
                  "channel", "meeting",
                  "text", "Please remind the group of all the rules."));
      assertThat(edited.json().get("version").intValue()).isEqualTo(2);
      Http.Response refused = ombuds.post(base + d2 + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("consent_required");
      assertThat(
              visitor
                  .get("/portal/thread")
                  .json()
                  .get("consentRequests")
                  .get(0)
                  .get("status")
                  .stringValue())
          .isEqualTo("OUTDATED");
      assertThat(visitor.get("/portal/consent-requests").json()).isEmpty();

      // Asked, then edited before the visitor answers: the grant is refused.
      String d3 = draft(ombuds, s, "Please check the ladders.");
      ombuds.post(base + d3 + "/portal-consent", Map.of());
      ombuds.put(
          base + d3,
          Map.of(
              "recipient", "Head of Operations",
              "identity", "ANONYMOUS",
              "channel", "meeting",
              "text", "Please check all the ladders."));
      Http.Response late = visitor.post("/portal/consent-requests/" + d3 + "/grant", Map.of());
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.json().get("error").stringValue()).isEqualTo("version_changed");
      assertThat(ombuds.post(base + d3 + "/release", Map.of("basis", "CONSENT")).status())
          .isEqualTo(409);

      // Declined: nothing counts.
      ombuds.post(base + d3 + "/portal-consent", Map.of());
      assertThat(visitor.post("/portal/consent-requests/" + d3 + "/decline", Map.of()).status())
          .isEqualTo(200);
      assertThat(ombuds.post(base + d3 + "/release", Map.of("basis", "CONSENT")).status())
          .isEqualTo(409);
      assertThat(kinds(t))
          .contains(
              AuditKind.PORTAL_ACCESS_ISSUED,
              AuditKind.PORTAL_CONSENT_REQUESTED,
              AuditKind.PORTAL_CONSENT_GRANTED,
              AuditKind.PORTAL_CONSENT_DECLINED,
              AuditKind.CONSENT_GIVEN);
    }
  }

  static void edit(Http ombuds, Story s, String d, String text) {
    Http.Response r =
        ombuds.put(
            "/api/v1/cases/" + s.caseId() + "/disclosures/" + d,
            Map.of(
                "recipient", "Head of Operations",
                "identity", "ANONYMOUS",
                "channel", "meeting",
                "text", text));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  static Http.Response ask(Http ombuds, Story s, String d) {
    Http.Response r =
        ombuds.post(
            "/api/v1/cases/" + s.caseId() + "/disclosures/" + d + "/portal-consent", Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r;
  }

  /** A visitor's token, straight from the receipt, for the portal's pages (cookie and form). */
  static String token(TestOffice t, String receipt) {
    Http.Response r = t.http().post("/portal/session", Map.of("receipt", receipt));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("token").stringValue();
  }

  static Http.Response pageForm(TestOffice t, String token, String path, Map<String, String> more) {
    Map<String, String> form = new java.util.HashMap<>(more);
    form.put("_csrf", PortalSessions.csrfToken(token));
    return t.http().postForm(path, form, "ombuds_portal=" + token);
  }

  @Test
  void a_grant_counts_only_for_the_version_the_visitor_read() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      Story s = story(ombuds);
      String d = draft(ombuds, s, "Please remind the whole group of the safety rules.");
      ask(ombuds, s, d);
      String token = token(t, s.receipt());
      Http visitor = t.http().withToken(token);
      // The visitor reads version 1 ...
      assertThat(t.http().getWithCookies("/portal/me?lang=en", "ombuds_portal=" + token).body())
          .contains("I consent to version 1")
          .contains("name=\"version\" value=\"1\"");
      // ... meanwhile the Ombuds edits and asks again for version 2.
      edit(ombuds, s, d, "Please remind the whole group of the safety rules, and Jane Doe too.");
      ask(ombuds, s, d);

      Http.Response stale =
          visitor.post("/portal/consent-requests/" + d + "/grant", Map.of("version", 1));
      assertThat(stale.status()).as(stale.body()).isEqualTo(409);
      assertThat(stale.json().get("error").stringValue()).isEqualTo("version_changed");
      assertThat(stale.json().get("message").stringValue()).contains("read it again");
      Http.Response staleNo =
          visitor.post("/portal/consent-requests/" + d + "/decline", Map.of("version", 1));
      assertThat(staleNo.status()).isEqualTo(409);
      assertThat(staleNo.json().get("error").stringValue()).isEqualTo("version_changed");
      JsonNode waiting = visitor.get("/portal/thread").json().get("consentRequests").get(0);
      assertThat(waiting.get("version").intValue()).isEqualTo(2);
      assertThat(waiting.get("status").stringValue()).as("nothing recorded").isEqualTo("PENDING");

      // The page's form carries the version it showed: the same refusal, calmly, in both languages.
      String path = "/portal/me/consent/" + d + "/grant";
      Http.Response page = pageForm(t, token, path, Map.of("version", "1", "lang", "en"));
      assertThat(page.status()).isEqualTo(409);
      assertThat(page.body())
          .contains("The text changed since you read it; please read it again")
          .contains("I consent to version 2")
          .contains("and Jane Doe too.");
      Http.Response pageFr = pageForm(t, token, path, Map.of("version", "1", "lang", "fr"));
      assertThat(pageFr.status()).isEqualTo(409);
      assertThat(pageFr.body())
          .contains("Le texte a changé depuis votre lecture ; veuillez le relire")
          .contains("Je consens à la version 2");
      assertThat(kinds(t)).doesNotContain(AuditKind.PORTAL_CONSENT_GRANTED);

      Http.Response granted = pageForm(t, token, path, Map.of("version", "2", "lang", "en"));
      assertThat(granted.status()).as(granted.body()).isEqualTo(303);
      assertThat(
              visitor
                  .get("/portal/thread")
                  .json()
                  .get("consentRequests")
                  .get(0)
                  .get("status")
                  .stringValue())
          .isEqualTo("GRANTED");
      Http.Response released =
          ombuds.post(
              "/api/v1/cases/" + s.caseId() + "/disclosures/" + d + "/release",
              Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);

      // With a version that is the current one, the JSON grant works; without a body too.
      String d2 = draft(ombuds, s, "Please check the ladders.");
      ask(ombuds, s, d2);
      assertThat(
              visitor
                  .post("/portal/consent-requests/" + d2 + "/grant", Map.of("version", 1))
                  .status())
          .isEqualTo(201);
      String d3 = draft(ombuds, s, "Please check the stairs.");
      ask(ombuds, s, d3);
      assertThat(
              visitor
                  .postRaw("/portal/consent-requests/" + d3 + "/decline", "application/json", "")
                  .status())
          .as("no body at all")
          .isEqualTo(200);
    }
  }

  @Test
  void the_visitor_sees_the_same_findings_as_the_ombuds() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      Story s = story(ombuds);
      String d = draft(ombuds, s, "Jane Doe says the night shift of the loading dock is unsafe.");
      ask(ombuds, s, d);
      JsonNode risk =
          ombuds.get("/api/v1/cases/" + s.caseId() + "/disclosures/" + d).json().get("risk");
      assertThat(risk.get("findings")).isNotEmpty();
      JsonNode shown = visitor(t, s.receipt()).get("/portal/consent-requests").json().get(0);
      assertThat(shown.get("risk").get("level")).isEqualTo(risk.get("level"));
      assertThat(shown.get("risk").get("anonymitySet")).isEqualTo(risk.get("anonymitySet"));
      assertThat(shown.get("risk").get("findings")).isEqualTo(risk.get("findings"));
      assertThat(shown.get("risk").get("reasons")).isNotEmpty();
    }
  }

  @Test
  void a_visitor_revokes_a_grant_until_release() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      Story s = story(ombuds);
      String base = "/api/v1/cases/" + s.caseId() + "/disclosures/";
      String d = draft(ombuds, s, "Please remind the whole group of the safety rules.");
      ask(ombuds, s, d);
      String token = token(t, s.receipt());
      Http visitor = t.http().withToken(token);
      assertThat(visitor.post("/portal/consent-requests/" + d + "/revoke", Map.of()).status())
          .as("nothing granted yet")
          .isEqualTo(409);
      assertThat(visitor.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
          .isEqualTo(201);
      // Applied as a mandate consent when the Ombuds opens the draft ...
      assertThat(ombuds.get(base + d).json().get("consents").get(0).get("method").stringValue())
          .isEqualTo("PORTAL");
      assertThat(
              visitor
                  .get("/portal/thread")
                  .json()
                  .get("consentRequests")
                  .get(0)
                  .get("status")
                  .stringValue())
          .isEqualTo("APPLIED");
      // ... then revoked by the visitor, with the office locked.
      logout(ombuds);
      String page = t.http().getWithCookies("/portal/me?lang=en", "ombuds_portal=" + token).body();
      assertThat(page)
          .contains("/portal/me/consent/" + d + "/revoke")
          .contains("Withdraw my consent");
      Http.Response revoked = visitor.post("/portal/consent-requests/" + d + "/revoke", Map.of());
      assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
      assertThat(
              visitor
                  .get("/portal/thread")
                  .json()
                  .get("consentRequests")
                  .get(0)
                  .get("status")
                  .stringValue())
          .isEqualTo("REVOKED");
      assertThat(visitor.post("/portal/consent-requests/" + d + "/revoke", Map.of()).status())
          .as("once")
          .isEqualTo(409);
      ombuds = login(t);
      Http.Response refused = ombuds.post(base + d + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("consent_required");
      JsonNode consent = ombuds.get(base + d).json().get("consents").get(0);
      assertThat(consent.get("revokedAt"))
          .as("revoked through the mandate: %s", consent)
          .isNotNull();

      // A grant not yet applied is withdrawn too, through the page; once released, it is too late.
      String d2 = draft(ombuds, s, "Please check the ladders.");
      ask(ombuds, s, d2);
      logout(ombuds);
      assertThat(visitor.post("/portal/consent-requests/" + d2 + "/grant", Map.of()).status())
          .isEqualTo(201);
      Http.Response viaPage =
          pageForm(t, token, "/portal/me/consent/" + d2 + "/revoke", Map.of("lang", "fr"));
      assertThat(viaPage.status()).as(viaPage.body()).isEqualTo(303);
      assertThat(viaPage.header("Location")).contains("done=revoked");
      ombuds = login(t);
      assertThat(ombuds.post(base + d2 + "/release", Map.of("basis", "CONSENT")).status())
          .isEqualTo(409);
      String d3 = draft(ombuds, s, "Please check the stairs.");
      ask(ombuds, s, d3);
      visitor.post("/portal/consent-requests/" + d3 + "/grant", Map.of());
      assertThat(ombuds.post(base + d3 + "/release", Map.of("basis", "CONSENT")).status())
          .isEqualTo(200);
      Http.Response late = visitor.post("/portal/consent-requests/" + d3 + "/revoke", Map.of());
      assertThat(late.status()).isEqualTo(409);
      assertThat(late.json().get("error").stringValue()).isEqualTo("already_released");
      assertThat(t.http().getWithCookies("/portal/me?lang=en", "ombuds_portal=" + token).body())
          .as("no button once it is too late")
          .doesNotContain("/portal/me/consent/" + d3 + "/revoke")
          .doesNotContain("/portal/me/consent/" + d + "/revoke");
      assertThat(kinds(t)).contains(AuditKind.PORTAL_CONSENT_REVOKED, AuditKind.CONSENT_REVOKED);

      // A visitor who declined learns nothing from "withdraw" about a release under the exception.
      String d4 = draft(ombuds, s, "Please look at the loading bay today.");
      ask(ombuds, s, d4);
      assertThat(visitor.post("/portal/consent-requests/" + d4 + "/decline", Map.of()).status())
          .isEqualTo(200);
      Http.Response exception =
          ombuds.post(
              base + d4 + "/release",
              Releases.imminentHarm("a forklift with failed brakes in use", "in use this shift"));
      assertThat(exception.status()).as(exception.body()).isEqualTo(200);
      Http.Response declined = visitor.post("/portal/consent-requests/" + d4 + "/revoke", Map.of());
      assertThat(declined.status()).isEqualTo(409);
      assertThat(declined.json().get("error").stringValue()).isEqualTo("not_granted");
      assertThat(declined.body()).doesNotContain("already_released", "already sent");
    }
  }

  /**
   * A withdrawal and a release sent at the same moment: either the withdrawal counts and the
   * release is refused, or the release goes out and the withdrawal is refused as too late; never
   * "withdrawn" for a text that was sent. Real concurrency, so the bad interleaving is not forced,
   * but before the release took one transaction it showed up within a few rounds.
   */
  @Test
  void a_withdrawal_and_a_release_at_once_never_both_succeed() throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      Story s = story(ombuds);
      String base = "/api/v1/cases/" + s.caseId() + "/disclosures/";
      Http visitor = t.http().withToken(token(t, s.receipt()));
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < 15; round++) {
          String d = draft(ombuds, s, "Please check the fire doors, round " + round + ".");
          ask(ombuds, s, d);
          assertThat(visitor.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
              .isEqualTo(201);
          ombuds.get(base + d); // applies the grant as a mandate consent
          var release =
              pool.submit(() -> ombuds.post(base + d + "/release", Map.of("basis", "CONSENT")));
          var withdraw =
              pool.submit(
                  () -> visitor.post("/portal/consent-requests/" + d + "/revoke", Map.of()));
          int released = release.get().status();
          int withdrawn = withdraw.get().status();
          assertThat(List.of(released, withdrawn))
              .as("round %d: release %d, withdrawal %d", round, released, withdrawn)
              .containsExactlyInAnyOrder(200, 409);
          String status = ombuds.get(base + d).json().get("status").stringValue();
          assertThat(status).isEqualTo(released == 200 ? "RELEASED" : "DRAFT");
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void a_recused_ombuds_neither_lists_nor_reads_nor_answers_the_threads_of_the_case() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = login(t);
      String bId = TestOffice.addColleague(a);
      Http b = t.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      Story s = story(a);
      String other = receipt(t.http().post("/portal/contact", Map.of("message", "Unlinked.")));
      assertThat(other).isNotEmpty();
      String linked = null;
      String loose = null;
      for (JsonNode e : a.get("/api/v1/portal/threads").json()) {
        if (e.get("caseId").isNull()) {
          loose = e.get("id").stringValue();
        } else {
          linked = e.get("id").stringValue();
        }
      }
      assertThat(linked).isNotNull();
      assertThat(loose).isNotNull();
      assertThat(
              a.post("/api/v1/cases/" + s.caseId() + "/recuse", Map.of("handOverTo", bId)).status())
          .isEqualTo(200);

      String unknown = "/api/v1/portal/threads/00000000-0000-4000-8000-000000000000";
      assertThat(
              a.get("/api/v1/portal/threads").json().values().stream()
                  .map(x -> x.get("id").stringValue())
                  .toList())
          .containsExactly(loose);
      Http.Response read = a.get("/api/v1/portal/threads/" + linked);
      Http.Response none = a.get(unknown);
      assertThat(read.status()).isEqualTo(404).isEqualTo(none.status());
      assertThat(read.body()).isEqualTo(none.body());
      Http.Response reply =
          a.post("/api/v1/portal/threads/" + linked + "/replies", Map.of("text", "Hello."));
      assertThat(reply.status()).isEqualTo(404);
      assertThat(reply.body())
          .isEqualTo(a.post(unknown + "/replies", Map.of("text", "Hello.")).body());
      Map<String, String> target = Map.of("caseId", s.caseId(), "personId", s.jane());
      Http.Response relink = a.post("/api/v1/portal/threads/" + linked + "/link", target);
      assertThat(relink.status()).isEqualTo(404);
      assertThat(relink.body()).isEqualTo(a.post(unknown + "/link", target).body());
      // Linking another thread to the case is refused as for a case that does not exist.
      Http.Response toRecused = a.post("/api/v1/portal/threads/" + loose + "/link", target);
      Http.Response toNoCase =
          a.post(
              "/api/v1/portal/threads/" + loose + "/link",
              Map.of("caseId", "00000000-0000-4000-8000-000000000000", "personId", s.jane()));
      assertThat(toRecused.status()).isEqualTo(404);
      assertThat(toRecused.body()).isEqualTo(toNoCase.body());
      Http.Response page = t.http().getWithCookies("/inbox/" + linked, "");
      assertThat(page.status()).as("no session, no page").isIn(302, 303, 401);
      assertThat(t.office.portal().read(bId, linked).id()).isEqualTo(linked);

      // A colleague still can.
      assertThat(b.get("/api/v1/portal/threads").json()).hasSize(2);
      assertThat(b.get("/api/v1/portal/threads/" + linked).status()).isEqualTo(200);
      assertThat(
              b.post("/api/v1/portal/threads/" + linked + "/replies", Map.of("text", "Hello."))
                  .status())
          .isEqualTo(201);
    }
  }

  @Test
  void reports_are_all_kept_but_raise_one_alert_per_thread_and_kind_in_ten_minutes() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      Http ombuds = login(t);
      Story s = story(ombuds);
      logout(ombuds);
      Http visitor = visitor(t, s.receipt());
      for (int i = 0; i < 5; i++) {
        assertThat(visitor.post("/portal/retaliation", Map.of("text", "Report " + i)).status())
            .isEqualTo(201);
        assertThat(visitor.post("/portal/messages", Map.of("text", "Message " + i)).status())
            .isEqualTo(201);
      }
      Http second = visitor(t, receipt(t.http().post("/portal/contact", Map.of("message", "hi"))));
      assertThat(second.post("/portal/retaliation", Map.of("text", "Elsewhere")).status())
          .isEqualTo(201);

      ombuds = login(t);
      assertThat(alerts(ombuds, "RETALIATION_REPORTED"))
          .as("one for each thread, not one per report")
          .isEqualTo(2);
      assertThat(alerts(ombuds, "PORTAL_MESSAGE"))
          .as("the new contact's, and one for the first thread")
          .isEqualTo(2);
      String thread = null;
      for (JsonNode e : ombuds.get("/api/v1/portal/threads").json()) {
        if (!e.get("caseId").isNull()) {
          thread = e.get("id").stringValue();
        }
      }
      assertThat(ombuds.get("/api/v1/portal/threads/" + thread).json().get("messages"))
          .as("every report and message kept")
          .hasSize(10);

      // Once the Ombuds has acknowledged the thread's alert, the next report alerts at once.
      String seen = null;
      for (JsonNode a : ombuds.get("/api/v1/alerts").json()) {
        if (a.get("kind").stringValue().equals("RETALIATION_REPORTED")
            && !a.get("caseId").isNull()) {
          seen = a.get("id").stringValue();
        }
      }
      assertThat(ombuds.post("/api/v1/alerts/" + seen + "/acknowledge", Map.of()).status())
          .isEqualTo(200);
      assertThat(alerts(ombuds, "RETALIATION_REPORTED")).isEqualTo(1);
      assertThat(visitor.post("/portal/retaliation", Map.of("text", "Again")).status())
          .isEqualTo(201);
      assertThat(alerts(ombuds, "RETALIATION_REPORTED")).as("acknowledged, then new").isEqualTo(2);
      assertThat(visitor.post("/portal/retaliation", Map.of("text", "And again")).status())
          .isEqualTo(201);
      assertThat(alerts(ombuds, "RETALIATION_REPORTED")).as("the new one is open").isEqualTo(2);

      clock.advance(Duration.ofMinutes(10));
      visitor = visitor(t, s.receipt());
      assertThat(visitor.post("/portal/retaliation", Map.of("text", "Later")).status())
          .isEqualTo(201);
      assertThat(alerts(ombuds, "RETALIATION_REPORTED")).isEqualTo(3);
    }
  }

  static long alerts(Http ombuds, String kind) {
    return ombuds.get("/api/v1/alerts").json().values().stream()
        .filter(a -> a.get("kind").stringValue().equals(kind))
        .count();
  }

  @Test
  void asking_consent_without_a_portal_thread_is_refused() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      // A case whose visitor was never given portal access: nobody concerned has a conversation.
      Story s = new Story(metInPersonOnly(ombuds), "", "");
      String mike =
          ombuds
              .post(
                  "/api/v1/cases/" + s.caseId() + "/persons",
                  Map.of("role", "WITNESS", "name", "Mike Roe"))
              .json()
              .get("id")
              .stringValue();
      Http.Response r =
          ombuds.post(
              "/api/v1/cases/" + s.caseId() + "/disclosures",
              Map.of(
                  "recipient", "HR",
                  "identity", "ANONYMOUS",
                  "channel", "letter",
                  "text", "A general reminder.",
                  "concerns", List.of(mike)));
      String d = r.json().get("id").stringValue();
      Http.Response refused =
          ombuds.post(
              "/api/v1/cases/" + s.caseId() + "/disclosures/" + d + "/portal-consent", Map.of());
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("no_portal_thread");
      assertThat(
              ombuds
                  .post(
                      "/api/v1/cases/"
                          + s.caseId()
                          + "/persons/"
                          + java.util.UUID.randomUUID()
                          + "/portal-access",
                      Map.of())
                  .status())
          .isEqualTo(404);
    }
  }

  @Test
  void a_retaliation_report_raises_an_urgent_alert_with_the_case_and_messages_a_quiet_one() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      Story s = story(ombuds);
      logout(ombuds);
      Http visitor = visitor(t, s.receipt());
      assertThat(visitor.get("/portal/thread").json().get("linkedToCase").booleanValue()).isTrue();
      Http.Response r =
          visitor.post("/portal/retaliation", Map.of("text", "I was moved to the night shift."));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      receipt(t.http().post("/portal/contact", Map.of("message", "A new visitor.")));

      ombuds = login(t);
      JsonNode alerts = ombuds.get("/api/v1/alerts").json();
      JsonNode urgent = null;
      JsonNode quiet = null;
      for (JsonNode a : alerts) {
        if (a.get("kind").stringValue().equals("RETALIATION_REPORTED")) {
          urgent = a;
        } else if (a.get("kind").stringValue().equals("PORTAL_MESSAGE")) {
          quiet = a;
        }
      }
      assertThat(urgent).isNotNull();
      assertThat(urgent.get("urgent").booleanValue()).isTrue();
      assertThat(urgent.get("caseId").stringValue()).isEqualTo(s.caseId());
      assertThat(urgent.toString()).doesNotContain("night shift");
      assertThat(quiet).isNotNull();
      assertThat(quiet.get("urgent").booleanValue()).isFalse();
      assertThat(quiet.get("caseId").isNull()).isTrue();
      String thread = ombuds.get("/api/v1/portal/threads").json().get(1).get("id").stringValue();
      JsonNode read = ombuds.get("/api/v1/portal/threads/" + thread).json();
      assertThat(read.get("messages").get(0).get("kind").stringValue()).isEqualTo("RETALIATION");
      assertThat(read.get("messages").get(0).get("text").stringValue())
          .isEqualTo("I was moved to the night shift.");
    }
  }

  @Test
  void the_way_back_outlives_the_closure_of_the_case_without_its_content() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      Story s = story(ombuds);
      Http visitor = visitor(t, s.receipt());
      visitor.post("/portal/messages", Map.of("text", "Details about my manager."));
      String thread = ombuds.get("/api/v1/portal/threads").json().get(0).get("id").stringValue();
      ombuds.post("/api/v1/portal/threads/" + thread + "/replies", Map.of("text", "Noted."));
      Http.Response closed =
          ombuds.post("/api/v1/cases/" + s.caseId() + "/close", Map.of("outcome", "RESOLVED"));
      assertThat(closed.status()).as(closed.body()).isEqualTo(200);
      assertThat(ombuds.get("/api/v1/cases/" + s.caseId()).status())
          .as("destroyed at once (no grace period)")
          .isEqualTo(404);

      JsonNode left = visitor(t, s.receipt()).get("/portal/thread").json();
      assertThat(left.get("linkedToCase").booleanValue()).isFalse();
      assertThat(left.get("messages")).as("content destroyed with the case").isEmpty();
      Http again = visitor(t, s.receipt());
      assertThat(again.post("/portal/retaliation", Map.of("text", "It started again.")).status())
          .isEqualTo(201);
      JsonNode inbox = ombuds.get("/api/v1/portal/threads").json();
      assertThat(inbox.get(0).get("caseId").isNull()).isTrue();
      assertThat(inbox.get(0).get("messages").intValue()).isEqualTo(1);
    }
  }

  @Test
  void the_ombuds_opens_a_case_from_a_thread_with_its_visitor_linked() {
    try (TestOffice t = TestOffice.create().serve()) {
      String receipt =
          receipt(t.http().post("/portal/contact", Map.of("message", "Help", "name", "Ada")));
      Http ombuds = login(t);
      String thread = ombuds.get("/api/v1/portal/threads").json().get(0).get("id").stringValue();
      Http.Response opened =
          ombuds.post(
              "/api/v1/portal/threads/" + thread + "/case",
              Map.of(
                  "title", "From the portal",
                  "categories", List.of("1a"),
                  "workUnit", Map.of("name", "Finance", "size", 12)));
      assertThat(opened.status()).as(opened.body()).isEqualTo(201);
      String caseId = opened.json().get("id").stringValue();
      JsonNode persons = ombuds.get("/api/v1/cases/" + caseId).json().get("persons");
      assertThat(persons).hasSize(1);
      assertThat(persons.get(0).get("role").stringValue()).isEqualTo("VISITOR");
      assertThat(persons.get(0).get("name").stringValue()).isEqualTo("Ada");
      JsonNode entry = ombuds.get("/api/v1/portal/threads").json().get(0);
      assertThat(entry.get("caseId").stringValue()).isEqualTo(caseId);
      assertThat(entry.get("personId").stringValue())
          .isEqualTo(persons.get(0).get("id").stringValue());
      assertThat(
              visitor(t, receipt).get("/portal/thread").json().get("linkedToCase").booleanValue())
          .isTrue();
      Http.Response again =
          ombuds.post(
              "/api/v1/portal/threads/" + thread + "/case",
              Map.of(
                  "title", "From the portal, twice",
                  "categories", List.of("1a"),
                  "workUnit", Map.of("name", "Finance", "size", 12)));
      assertThat(again.status()).as("a double submit").isEqualTo(409);
      assertThat(again.json().get("error").stringValue()).isEqualTo("already_linked");
      assertThat(ombuds.get("/api/v1/cases").json()).as("no second case").hasSize(1);
      assertThat(ombuds.get("/api/v1/portal/threads").json().get(0).get("caseId").stringValue())
          .isEqualTo(caseId);
      assertThat(
              ombuds
                  .post(
                      "/api/v1/portal/threads/" + java.util.UUID.randomUUID() + "/case",
                      Map.of(
                          "title", "x",
                          "categories", List.of("1a"),
                          "workUnit", Map.of("name", "F", "size", 12)))
                  .status())
          .isEqualTo(404);
      assertThat(kinds(t)).contains(AuditKind.PORTAL_THREAD_LINKED, AuditKind.CASE_CREATED);
    }
  }

  @Test
  void the_contact_page_form_is_one_time_so_a_double_submit_stores_one_thread() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http anyone = t.http();
      Http.Response home = anyone.get("/portal?lang=fr");
      assertThat(home.status()).isEqualTo(200);
      assertThat(home.headerValues("Set-Cookie")).as("no cookie before contact").isEmpty();
      assertThat(home.body()).contains("lang=\"fr\"");
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(home.body());
      assertThat(m.find()).isTrue();
      Map<String, String> form =
          Map.of("_csrf", m.group(1), "message", "Sent twice by a double click.", "lang", "fr");
      Http.Response first = anyone.postForm("/portal/write", form, "");
      assertThat(first.status()).isEqualTo(303);
      assertThat(first.header("Location")).isEqualTo("/portal/receipt?lang=fr");
      String cookie = first.setCookie("ombuds_portal");
      assertThat(cookie)
          .contains("Path=/portal")
          .contains("HttpOnly")
          .containsIgnoringCase("SameSite=Strict");
      assertThat(first.headerValues("Set-Cookie")).hasSize(1);
      Http.Response second = anyone.postForm("/portal/write", form, "");
      assertThat(second.status()).isEqualTo(409);
      assertThat(second.headerValues("Set-Cookie")).isEmpty();

      String session = "ombuds_portal=" + first.cookie("ombuds_portal");
      Http.Response shown = anyone.getWithCookies("/portal/receipt?lang=fr", session);
      assertThat(shown.status()).isEqualTo(200);
      assertThat(shown.header("Cache-Control")).contains("no-store");
      java.util.regex.Matcher groups =
          java.util.regex.Pattern.compile("<span class=\"receipt-group\">([0-9A-Z]+)</span>")
              .matcher(shown.body());
      List<String> parts = new ArrayList<>();
      while (groups.find()) {
        parts.add(groups.group(1));
      }
      assertThat(String.join("-", parts)).matches(RECEIPT_SHAPE);
      Http.Response again = anyone.getWithCookies("/portal/receipt?lang=fr", session);
      assertThat(again.status()).as("shown once").isEqualTo(303);
      assertThat(again.body()).doesNotContain(parts.get(0) + "</span>");
      assertThat(anyone.getWithCookies("/portal/me?lang=fr", session).body())
          .contains("Sent twice by a double click.");
      assertThat(visitor(t, String.join("-", parts)).get("/portal/thread").status()).isEqualTo(200);

      login(t);
      assertThat(t.office.portal().inbox("x")).as("one thread, not two").hasSize(1);
      // A form from elsewhere (no nonce) is refused and stores nothing.
      Http.Response forged =
          anyone.postForm("/portal/write", Map.of("message", "forged", "_csrf", "x"), "");
      assertThat(forged.status()).isEqualTo(409);
      assertThat(t.office.portal().inbox("x")).hasSize(1);
      // A session page without the session's form token is refused.
      assertThat(
              anyone.postForm("/portal/me/messages", Map.of("text", "no token"), session).status())
          .isEqualTo(403);
    }
  }
}
