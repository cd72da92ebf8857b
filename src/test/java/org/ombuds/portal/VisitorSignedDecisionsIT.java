package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.portal.PortalIT.login;
import static org.ombuds.portal.PortalIT.logout;
import static org.ombuds.portal.PortalIT.visitor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ombuds.store.Database;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/**
 * A visitor's decision is theirs alone. Played by someone who holds the server's keys but not the
 * visitor's receipt (a conflicted administrator, or an Ombuds with the server's files): they write
 * a grant into the database and give the row a valid MAC, as the server itself would. The release
 * refuses it, because the visitor did not sign it; the grant the visitor makes in the portal
 * counts.
 */
class VisitorSignedDecisionsIT {

  @Test
  void the_visitors_own_grant_counts() {
    try (TestOffice t = TestOffice.create().serve()) {
      Asked a = ask(t, "A reminder of the safety rules to the whole group.");
      Http jane = visitor(t, a.story.receipt());
      assertThat(
              jane.post("/portal/consent-requests/" + a.disclosure + "/grant", Map.of()).status())
          .isEqualTo(201);
      Http ombuds = login(t);
      Http.Response released = ombuds.post(a.base() + "/release", Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);
    }
  }

  @Test
  void a_grant_written_with_a_valid_row_mac_but_no_visitor_signature_is_refused()
      throws SQLException {
    try (TestOffice t = TestOffice.create().serve()) {
      Asked a = ask(t, "A reminder of the safety rules to the whole group.");
      sql(t, "UPDATE portal_consent SET status = 'GRANTED', mac = NULL WHERE disclosure_id = ?", a);
      retagAsTheServerWould(t);

      Http ombuds = login(t);
      Http.Response refused = ombuds.post(a.base() + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("tampered");
      assertThat(refused.body()).doesNotContain("safety rules");
    }
  }

  @Test
  void a_refusal_turned_into_a_grant_keeps_the_refusals_signature_and_is_refused()
      throws SQLException {
    try (TestOffice t = TestOffice.create().serve()) {
      Asked a = ask(t, "A reminder of the safety rules to the whole group.");
      Http jane = visitor(t, a.story.receipt());
      assertThat(
              jane.post("/portal/consent-requests/" + a.disclosure + "/decline", Map.of()).status())
          .isEqualTo(200);
      sql(t, "UPDATE portal_consent SET status = 'GRANTED', mac = NULL WHERE disclosure_id = ?", a);
      retagAsTheServerWould(t);

      Http ombuds = login(t);
      Http.Response refused = ombuds.post(a.base() + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("tampered");
    }
  }

  @Test
  void a_signature_replayed_from_another_request_counts_for_nothing() throws SQLException {
    try (TestOffice t = TestOffice.create().serve()) {
      Asked first = ask(t, "A reminder of the safety rules to the whole group.");
      Http jane = visitor(t, first.story.receipt());
      assertThat(
              jane.post("/portal/consent-requests/" + first.disclosure + "/grant", Map.of())
                  .status())
          .isEqualTo(201);
      // A second draft in the same case, asked in the same thread, never answered.
      Http ombuds = login(t);
      String second = PortalIT.draft(ombuds, first.story, "A second message about the rota.");
      assertThat(
              ombuds
                  .post(
                      "/api/v1/cases/"
                          + first.story.caseId()
                          + "/disclosures/"
                          + second
                          + "/portal-consent",
                      Map.of())
                  .status())
          .isEqualTo(201);
      logout(ombuds);
      try (Connection c = DriverManager.getConnection(url(t));
          PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE portal_consent SET status = 'GRANTED', mac = NULL, decision_sig ="
                      + " (SELECT decision_sig FROM portal_consent WHERE disclosure_id = ?)"
                      + " WHERE disclosure_id = ?")) {
        ps.setString(1, first.disclosure);
        ps.setString(2, second);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      retagAsTheServerWould(t);

      ombuds = login(t);
      Http.Response refused =
          ombuds.post(
              "/api/v1/cases/" + first.story.caseId() + "/disclosures/" + second + "/release",
              Map.of("basis", "CONSENT"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("tampered");
    }
  }

  /** A draft about Jane's case asked of her in the portal; the Ombuds logged out. */
  private record Asked(PortalIT.Story story, String disclosure) {
    String base() {
      return "/api/v1/cases/" + story.caseId() + "/disclosures/" + disclosure;
    }
  }

  private static Asked ask(TestOffice t, String text) {
    Http ombuds = login(t);
    PortalIT.Story s = PortalIT.story(ombuds);
    String d = PortalIT.draft(ombuds, s, text);
    Http.Response asked =
        ombuds.post(
            "/api/v1/cases/" + s.caseId() + "/disclosures/" + d + "/portal-consent", Map.of());
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    logout(ombuds);
    return new Asked(s, d);
  }

  private static String url(TestOffice t) {
    return "jdbc:sqlite:" + t.dir.resolve("ombuds.db");
  }

  private static void sql(TestOffice t, String update, Asked a) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(t));
        PreparedStatement ps = c.prepareStatement(update)) {
      ps.setString(1, a.disclosure);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  /** Gives the edited row a valid MAC under the office's own key, as only the server can. */
  private static void retagAsTheServerWould(TestOffice t) {
    Database db = t.office.db();
    long tagged =
        db.inTransaction(() -> db.withHandleForMaintenance(h -> db.tags().tagUntagged(h)));
    assertThat(tagged).isPositive();
  }
}
