package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.web.PageSession.f;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/** The Ombuds' portal inbox pages over HTTP: opening a case from a thread. */
class InboxPagesIT {
  @Test
  void the_ombuds_opens_a_case_from_the_thread_page_and_lands_on_it() {
    try (TestOffice t = TestOffice.create().serve()) {
      t.http().post("/portal/contact", Map.of("message", "Help", "name", "Ada"));
      PageSession ombuds =
          PageSession.login(
              t.http(), TestOffice.USERNAME, TestOffice.PASSPHRASE, PageSession::basicChecks);
      Http api = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String thread = api.get("/api/v1/portal/threads").json().get(0).get("id").stringValue();
      String path = "/inbox/" + thread;
      String page = ombuds.get(path).body();
      assertThat(page).contains("action=\"" + path + "/case\"").contains("Open a case");

      Http.Response missing =
          ombuds.submit(path + "/case", List.of(f("title", " "), f("unit_name", "Finance")));
      assertThat(missing.status()).isEqualTo(422);
      assertThat(missing.body()).contains("Give the case a title.");
      assertThat(api.get("/api/v1/cases").json()).as("nothing created").isEmpty();
      assertThat(
              ombuds
                  .post(
                      path + "/case",
                      List.of(f("title", "x"), f("unit_name", "F"), f("unit_size", "3")))
                  .status())
          .as("no form token, no case")
          .isEqualTo(403);

      Http.Response opened =
          ombuds.submit(
              path + "/case",
              List.of(
                  f("title", "From the portal"), f("unit_name", "Finance"), f("unit_size", "12")));
      assertThat(opened.status()).as(opened.body()).isEqualTo(303);
      String location = opened.header("Location");
      assertThat(location).matches("/cases/[0-9a-f-]{36}\\?done=created");
      String caseId = location.substring("/cases/".length(), location.indexOf('?'));
      JsonNode c = api.get("/api/v1/cases/" + caseId).json();
      assertThat(c.get("title").stringValue()).isEqualTo("From the portal");
      assertThat(c.get("persons").get(0).get("name").stringValue()).isEqualTo("Ada");
      assertThat(api.get("/api/v1/portal/threads").json().get(0).get("caseId").stringValue())
          .isEqualTo(caseId);
      assertThat(ombuds.get(location).status()).isEqualTo(200);
    }
  }
}
