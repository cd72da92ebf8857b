package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.portal.PortalIT.login;
import static org.ombuds.portal.PortalIT.logout;
import static org.ombuds.portal.PortalIT.receipt;
import static org.ombuds.portal.PortalIT.visitor;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/**
 * The mandate's rules where the portal meets them: sources are asked first, and a grant given on an
 * estimate that got worse is asked again with the new estimate instead of counting.
 */
class PortalConsentInvariantsIT {

  @Test
  void a_witness_reads_the_text_only_once_the_visitor_who_confided_agreed_to_it() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      PortalIT.Story s = PortalIT.story(ombuds);
      String cases = "/api/v1/cases/" + s.caseId();
      String willa =
          ombuds
              .post(cases + "/persons", Map.of("role", "WITNESS", "name", "Willa Witt"))
              .json()
              .get("id")
              .stringValue();
      String willaReceipt =
          receipt(ombuds.post(cases + "/persons/" + willa + "/portal-access", Map.of()));
      Http.Response drafted =
          ombuds.post(
              cases + "/disclosures",
              Map.of(
                  "recipient", "Head of Operations",
                  "identity", "ANONYMOUS",
                  "channel", "meeting",
                  "text", "Please remind the whole group of the safety rules.",
                  "concerns", List.of(willa)));
      String d = drafted.json().get("id").stringValue();
      String base = cases + "/disclosures/" + d;

      Http.Response asked = ombuds.post(base + "/portal-consent", Map.of());
      assertThat(asked.status()).as(asked.body()).isEqualTo(201);
      assertThat(asked.json().get("threads").intValue()).as("only the visitor").isEqualTo(1);
      assertThat(asked.json().get("waitingForSources").intValue()).isEqualTo(1);
      logout(ombuds);

      Http witness = visitor(t, willaReceipt);
      assertThat(witness.get("/portal/consent-requests").json())
          .as("the witness sees nothing of the visitor's words yet")
          .isEmpty();
      assertThat(witness.get("/portal/thread").body())
          .doesNotContain("Please remind the whole group");

      Http jane = visitor(t, s.receipt());
      assertThat(jane.get("/portal/consent-requests").json()).hasSize(1);
      assertThat(jane.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
          .isEqualTo(201);

      // Once she agreed, the witness is asked (and she is not asked twice).
      ombuds = login(t);
      Http.Response again = ombuds.post(base + "/portal-consent", Map.of());
      assertThat(again.status()).as(again.body()).isEqualTo(201);
      assertThat(again.json().get("threads").intValue()).isEqualTo(1);
      assertThat(again.json().get("waitingForSources").intValue()).isZero();
      JsonNode requests = witness.get("/portal/consent-requests").json();
      assertThat(requests).hasSize(1);
      assertThat(requests.get(0).get("text").stringValue())
          .isEqualTo("Please remind the whole group of the safety rules.");
    }
  }

  @Test
  void only_a_witness_with_a_conversation_waits_for_the_sources_and_says_so() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      String caseId = PortalIT.metInPersonOnly(ombuds);
      String cases = "/api/v1/cases/" + caseId;
      String willa =
          ombuds
              .post(cases + "/persons", Map.of("role", "WITNESS", "name", "Willa Witt"))
              .json()
              .get("id")
              .stringValue();
      receipt(ombuds.post(cases + "/persons/" + willa + "/portal-access", Map.of()));
      String d =
          ombuds
              .post(
                  cases + "/disclosures",
                  Map.of(
                      "recipient", "Head of Operations",
                      "identity", "ANONYMOUS",
                      "channel", "meeting",
                      "text", "A general reminder.",
                      "concerns", List.of(willa)))
              .json()
              .get("id")
              .stringValue();
      Http.Response refused =
          ombuds.post(cases + "/disclosures/" + d + "/portal-consent", Map.of());
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("sources_first");
    }
  }

  @Test
  void a_portal_grant_given_on_an_estimate_that_got_worse_is_asked_again_with_the_new_one() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http ombuds = login(t);
      PortalIT.Story s = PortalIT.story(ombuds);
      String cases = "/api/v1/cases/" + s.caseId();
      String d = PortalIT.draft(ombuds, s, "She was shouted at in front of the group last week.");
      String base = cases + "/disclosures/" + d;
      assertThat(ombuds.post(base + "/portal-consent", Map.of()).status()).isEqualTo(201);
      logout(ombuds);

      Http jane = visitor(t, s.receipt());
      JsonNode first = jane.get("/portal/consent-requests").json().get(0);
      int shownSet = first.get("risk").get("anonymitySet").intValue();
      assertThat(jane.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
          .isEqualTo(201);

      // The Ombuds records the unit's composition: one woman among forty.
      ombuds = login(t);
      org.ombuds.testing.Units.oneWomanAmongForty(ombuds, s.caseId());

      Http.Response refused = ombuds.post(base + "/release", Map.of("basis", "CONSENT"));
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue())
          .isIn("estimate_changed", "consent_required");
      assertThat(ombuds.get(base).json().get("status").stringValue()).isEqualTo("DRAFT");

      // The portal shows her the new estimate, for the same text, to answer again.
      JsonNode now = jane.get("/portal/consent-requests").json();
      assertThat(now).hasSize(1);
      assertThat(now.get(0).get("text").stringValue()).isEqualTo(first.get("text").stringValue());
      assertThat(now.get(0).get("risk").get("anonymitySet").intValue()).isLessThan(shownSet);
      assertThat(jane.post("/portal/consent-requests/" + d + "/grant", Map.of()).status())
          .isEqualTo(201);
      Http.Response released = ombuds.post(base + "/release", Map.of("basis", "CONSENT"));
      assertThat(released.status()).as(released.body()).isEqualTo(200);
    }
  }
}
