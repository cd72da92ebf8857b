package org.ombuds.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ombuds.testing.Http;
import org.ombuds.testing.MutableClock;
import org.ombuds.testing.Releases;
import org.ombuds.testing.TestOffice;

/**
 * Flows through the API that leave rows in the tagged tables, shared by this package's tests. Every
 * call checks its answer, so a test fails at the step that did not work.
 */
final class Scenario {
  static final String CARL = "carl";
  static final String CARL_PASSPHRASE = "carl's long passphrase";
  static final String SAFE_TEXT =
      "Please remind the whole group of the safety rules that apply to the operations.";

  private Scenario() {}

  static Http.Response ok(Http.Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    return r;
  }

  static String id(Http.Response r) {
    return ok(r, 201).json().get("id").stringValue();
  }

  /** A case of a work unit of 40, with Jane (visitor); returns {caseId, janeId}. */
  static String[] caseWithJane(Http ombuds, String title) {
    String caseId =
        id(
            ombuds.post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    title,
                    "categories",
                    List.of("6a"),
                    "workUnit",
                    Map.of("name", "Operations group", "size", 40))));
    String jane =
        id(
            ombuds.post(
                "/api/v1/cases/" + caseId + "/persons",
                Map.of("role", "VISITOR", "name", "Jane Doe")));
    return new String[] {caseId, jane};
  }

  static String disclosures(String caseId) {
    return "/api/v1/cases/" + caseId + "/disclosures";
  }

  static Map<String, Object> draftBody(String text) {
    return Map.of(
        "recipient",
        "Head of Operations",
        "identity",
        "ANONYMOUS",
        "channel",
        "meeting",
        "text",
        text);
  }

  /** A draft in the case (concerning its visitor, by default); its id. */
  static String draft(Http ombuds, String caseId, String text) {
    return id(ombuds.post(disclosures(caseId), draftBody(text)));
  }

  /** The in-person consent of {@code person} to the current version; the consent's id. */
  static String consent(Http ombuds, String caseId, String d, String person) {
    return id(Releases.consentInPerson(ombuds, disclosures(caseId) + "/" + d, person));
  }

  static Http.Response release(Http ombuds, String caseId, String d) {
    return ombuds.post(disclosures(caseId) + "/" + d + "/release", Map.of("basis", "CONSENT"));
  }

  static Http.Response releaseImminent(Http ombuds, String caseId, String d) {
    return ombuds.post(
        disclosures(caseId) + "/" + d + "/release",
        Releases.imminentHarm("Sabotage of the crane tonight", "Specific, tonight, lives at risk"));
  }

  /** A visitor's first message; the receipt. */
  static String contact(Http anyone, String message) {
    Http.Response r = ok(anyone.post("/portal/contact", Map.of("message", message)), 201);
    return r.json().get("receipt").stringValue();
  }

  /** A visitor's session from a receipt. */
  static Http visitor(Http anyone, String receipt) {
    Http.Response r = ok(anyone.post("/portal/session", Map.of("receipt", receipt)), 200);
    return anyone.withToken(r.json().get("token").stringValue());
  }

  /** The ids of the threads in the Ombuds' inbox not yet linked to a case. */
  static List<String> unlinkedThreads(Http ombuds) {
    return ok(ombuds.get("/api/v1/portal/threads"), 200)
        .json()
        .valueStream()
        .filter(n -> n.get("caseId") == null || n.get("caseId").isNull())
        .map(n -> n.get("id").stringValue())
        .toList();
  }

  /** A new contact, linked to {@code person} of {@code caseId}; {thread id, receipt}. */
  static String[] linkedContact(Http ombuds, Http anyone, String caseId, String person) {
    List<String> before = unlinkedThreads(ombuds);
    String receipt = contact(anyone, "I need to talk about my group.");
    String thread =
        unlinkedThreads(ombuds).stream()
            .filter(t -> !before.contains(t))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the new thread is not in the inbox"));
    ok(
        ombuds.post(
            "/api/v1/portal/threads/" + thread + "/link",
            Map.of("caseId", caseId, "personId", person)),
        200);
    return new String[] {thread, receipt};
  }

  /** Asks the visitors concerned by {@code d} for consent in the portal. */
  static void askInPortal(Http ombuds, String caseId, String d) {
    ok(ombuds.post(disclosures(caseId) + "/" + d + "/portal-consent", Map.of()), 201);
  }

  /** Enrols a second factor for the logged-in {@code session}; the base32 secret. */
  static String enrolTotp(Http session, MutableClock clock) {
    String secret =
        ok(session.post("/api/v1/account/totp", Map.of()), 200).json().get("secret").stringValue();
    ok(
        session.post(
            "/api/v1/account/totp/confirm", Map.of("otp", Otp.code(secret, clock.instant()))),
        200);
    return secret;
  }

  /** What {@link #full} made. */
  record Full(
      String caseId,
      String jane,
      String consented,
      String consentId,
      String excepted,
      String portalGranted,
      String portalPending,
      String thread,
      String receipt,
      String conflictCase,
      String beaId,
      String carlId,
      String carlSecret,
      String pendingChange,
      String declinedChange) {}

  /**
   * An office with rows in each of the ten tagged tables, at least two in every one but office:
   * three Ombuds (bea, the colleague, and carl, with a second factor), a case with Jane, a draft
   * with her consent in person, two releases under the imminent-harm exception (determinations),
   * two recusals, three portal threads (two linked to Jane), a portal consent granted by the
   * visitor and one pending, and three changes for a second Ombuds: carl's account (confirmed by
   * bea), a longer grace period (pending) and a hand-over of carl's cases (declined).
   */
  static Full full(DbaOffice o, MutableClock clock) {
    Http a = o.ombuds();
    String beaId = TestOffice.addColleague(a);
    Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
    String carlId = TestOffice.addConfirmed(a, b, CARL, CARL_PASSPHRASE);
    Http c = o.http().login(CARL, CARL_PASSPHRASE);
    String carlSecret = enrolTotp(c, clock);

    String[] cj = caseWithJane(a, "Safety concerns");
    String caseId = cj[0];
    String jane = cj[1];
    String consented = draft(a, caseId, SAFE_TEXT);
    String consentId = consent(a, caseId, consented, jane);
    consent(a, caseId, draft(a, caseId, SAFE_TEXT + " Thank you."), jane);
    String excepted = draft(a, caseId, "A colleague will sabotage the crane tonight.");
    ok(releaseImminent(a, caseId, excepted), 200);
    String excepted2 = draft(a, caseId, "The crane's brakes were cut this morning.");
    ok(releaseImminent(a, caseId, excepted2), 200);

    String[] linked = linkedContact(a, o.http(), caseId, jane);
    linkedContact(a, o.http(), caseId, jane);
    contact(o.http(), "An unlinked message.");
    String portalGranted = draft(a, caseId, "Please remind the group of the rules, kindly.");
    askInPortal(a, caseId, portalGranted);
    String portalPending = draft(a, caseId, "Please remind the group of the rules, again.");
    askInPortal(a, caseId, portalPending);
    Http visitor = visitor(o.http(), linked[1]);
    ok(visitor.post("/portal/consent-requests/" + portalGranted + "/grant", Map.of()), 201);
    // The Ombuds' next look at the draft takes the visitor's grant in.
    ok(a.get(disclosures(caseId) + "/" + portalGranted), 200);

    String conflictCase = caseWithJane(a, "Conflict of interest")[0];
    ok(a.post("/api/v1/cases/" + conflictCase + "/recuse", Map.of("handOverTo", beaId)), 200);
    String beasConflict = caseWithJane(b, "Another conflict")[0];
    ok(b.post("/api/v1/cases/" + beasConflict + "/recuse", Map.of("handOverTo", carlId)), 200);

    String pendingChange = pending(a.put("/api/v1/office/settings", Map.of("graceDays", 30)));
    String declinedChange =
        pending(a.post("/api/v1/accounts/" + carlId + "/handover", Map.of("to", beaId)));
    ok(b.post("/api/v1/office/changes/" + declinedChange + "/decline", Map.of()), 200);
    return new Full(
        caseId,
        jane,
        consented,
        consentId,
        excepted,
        portalGranted,
        portalPending,
        linked[0],
        linked[1],
        conflictCase,
        beaId,
        carlId,
        carlSecret,
        pendingChange,
        declinedChange);
  }

  /** The id of the change a 202 answer says waits for a second Ombuds. */
  static String pending(Http.Response r) {
    return ok(r, 202).json().get("pending").stringValue();
  }

  /** Fails unless every tagged table has at least {@code n} rows (office: one). */
  static void assertRowsInEveryTable(DbaOffice o) {
    for (String t : DbaOffice.TAGGED) {
      long rows = o.count("SELECT COUNT(*) FROM " + t);
      assertThat(rows).as("rows in " + t).isGreaterThanOrEqualTo(t.equals("office") ? 1 : 2);
    }
  }
}
