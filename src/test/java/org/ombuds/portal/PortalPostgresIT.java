package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.TestOffice;

/** The portal's SQL on PostgreSQL: the same round trip as on SQLite, closure included. */
class PortalPostgresIT {
  @Test
  void contact_reply_consent_release_and_closure_on_postgres() {
    try (TestOffice t =
        TestOffice.create(Optional.of(Postgres.newDatabase()), Clock.systemUTC()).serve()) {
      String contactReceipt =
          PortalIT.receipt(t.http().post("/portal/contact", Map.of("message", "On PostgreSQL")));
      Http ombuds = PortalIT.login(t);
      PortalIT.Story s = PortalIT.story(ombuds);
      String base = "/api/v1/cases/" + s.caseId() + "/disclosures/";
      String d = PortalIT.draft(ombuds, s, "Please remind the group of the rules.");
      assertThat(ombuds.post(base + d + "/portal-consent", Map.of()).status()).isEqualTo(201);
      String first = ombuds.get("/api/v1/portal/threads").json().get(0).get("id").stringValue();
      assertThat(
              ombuds
                  .post("/api/v1/portal/threads/" + first + "/replies", Map.of("text", "Seen."))
                  .status())
          .isEqualTo(201);
      PortalIT.logout(ombuds);

      Http visitor = PortalIT.visitor(t, s.receipt());
      assertThat(visitor.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
          .isEqualTo(201);
      ombuds = PortalIT.login(t);
      assertThat(ombuds.post(base + d + "/release", Map.of("basis", "CONSENT")).status())
          .isEqualTo(200);
      assertThat(
              ombuds
                  .post("/api/v1/cases/" + s.caseId() + "/close", Map.of("outcome", "RESOLVED"))
                  .status())
          .isEqualTo(200);
      assertThat(PortalIT.visitor(t, s.receipt()).get("/portal/thread").json().get("messages"))
          .isEmpty();
      assertThat(
              PortalIT.visitor(t, contactReceipt)
                  .get("/portal/thread")
                  .json()
                  .get("messages")
                  .size())
          .isGreaterThanOrEqualTo(1);
      // The hint look-up's SQL on PostgreSQL: a wrong receipt is refused like on SQLite.
      Http.Response wrong =
          t.http()
              .post("/portal/session", Map.of("receipt", PortalIT.otherReceipt(contactReceipt)));
      assertThat(wrong.status()).isEqualTo(401);
      assertThat(wrong.json().get("error").stringValue()).isEqualTo("wrong_receipt");
    }
  }
}
