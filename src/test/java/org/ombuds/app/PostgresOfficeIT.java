package org.ombuds.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.Verification;
import org.ombuds.testing.Http;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.TestOffice;

/** A whole office on a real PostgreSQL, driven over HTTP, with its audit log verified. */
class PostgresOfficeIT {
  @Test
  void an_office_on_postgresql_works_end_to_end_and_its_audit_log_verifies() {
    try (TestOffice t =
        TestOffice.create(Optional.of(Postgres.newDatabase()), Clock.systemUTC()).serve()) {
      assertThat(t.office.db().isPostgres()).isTrue();
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String id =
          http.post(
                  "/api/v1/cases",
                  Map.of(
                      "title",
                      "On PostgreSQL",
                      "categories",
                      List.of("6a"),
                      "workUnit",
                      Map.of("name", "Unit", "size", 12)))
              .json()
              .get("id")
              .stringValue();
      assertThat(
              http.post("/api/v1/cases/" + id + "/notes", Map.of("text", "A note on PostgreSQL"))
                  .status())
          .isEqualTo(201);
      assertThat(
              http.get("/api/v1/cases/" + id).json().get("notes").get(0).get("text").stringValue())
          .isEqualTo("A note on PostgreSQL");
      String jane =
          http.post(
                  "/api/v1/cases/" + id + "/persons", Map.of("role", "VISITOR", "name", "Jane Doe"))
              .json()
              .get("id")
              .stringValue();
      String d =
          http.post(
                  "/api/v1/cases/" + id + "/disclosures",
                  Map.of(
                      "recipient",
                      "Group leader",
                      "identity",
                      "ANONYMOUS",
                      "channel",
                      "meeting",
                      "text",
                      "Please remind the whole group of the safety rules."))
              .json()
              .get("id")
              .stringValue();
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/disclosures/" + d + "/release",
                      Map.of("basis", "CONSENT"))
                  .status())
          .isEqualTo(409);
      assertThat(
              org.ombuds.testing.Releases.consentInPerson(
                      http, "/api/v1/cases/" + id + "/disclosures/" + d, jane)
                  .status())
          .isEqualTo(201);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/disclosures/" + d + "/release",
                      Map.of("basis", "CONSENT"))
                  .status())
          .isEqualTo(200);
      assertThat(
              http.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "RESOLVED")).status())
          .isEqualTo(200);
      assertThat(http.get("/api/v1/cases/" + id).status())
          .as("destroyed on PostgreSQL too")
          .isEqualTo(404);
      assertThat(t.office.audit().verify()).isInstanceOf(Verification.Intact.class);
      assertThat(DataDirScanIT.findingsFor(t.dir, List.of("On PostgreSQL", "A note on PostgreSQL")))
          .isEmpty();
    }
  }
}
