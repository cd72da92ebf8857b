package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ombuds.audit.AuditKind;
import org.ombuds.casefile.CaseStore;
import org.ombuds.records.StatisticalRecord;
import org.ombuds.store.JdbiCaseStore;
import org.ombuds.testing.Http;
import org.ombuds.testing.MutableClock;
import org.ombuds.testing.TestOffice;
import org.ombuds.vault.FieldRef;
import tools.jackson.databind.JsonNode;

/**
 * The case file over HTTP against the real server: the reference story end to end, and its rules.
 */
class CaseFileIT {

  private static Map<String, Object> caseBody(String title, List<String> categories) {
    return Map.of(
        "title",
        title,
        "categories",
        categories,
        "workUnit",
        Map.of(
            "name",
            "Operations group",
            "size",
            8,
            "composition",
            List.of(
                Map.of("dimension", "gender", "group", "women", "count", 2),
                Map.of("dimension", "gender", "group", "men", "count", 6))));
  }

  private static String create(Http http, String title) {
    Http.Response r = http.post("/api/v1/cases", caseBody(title, List.of("6a")));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").stringValue();
  }

  @Test
  void the_reference_story_is_recorded_completely_and_closing_leaves_only_the_statistical_record()
      throws Exception {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      Http.Response created =
          http.post(
              "/api/v1/cases",
              caseBody("Safety concerns in a small group", List.of("6a", "2o", "2h")));
      assertThat(created.status()).isEqualTo(201);
      String id = created.json().get("id").stringValue();
      assertThat(created.json().get("workUnit").get("composition").size()).isEqualTo(2);

      Http.Response jane =
          http.post(
              "/api/v1/cases/" + id + "/persons",
              Map.of(
                  "role",
                  "VISITOR",
                  "name",
                  "Jane Doe",
                  "contractType",
                  "STAFF",
                  "gender",
                  "WOMAN",
                  "ageBand",
                  "FROM_35_TO_44"));
      assertThat(jane.status()).isEqualTo(201);
      String janeAlias = jane.json().get("pseudonym").stringValue();
      assertThat(janeAlias).endsWith("*").doesNotStartWith("Jane");
      Http.Response mike =
          http.post(
              "/api/v1/cases/" + id + "/persons",
              Map.of("role", "OTHER_PARTY", "name", "Mike Roe"));
      assertThat(mike.json().get("pseudonym").stringValue())
          .endsWith("*")
          .isNotEqualTo(janeAlias)
          .doesNotStartWith("Mike");
      assertThat(http.post("/api/v1/cases/" + id + "/persons", Map.of("role", "MANAGER")).status())
          .as("anonymous person")
          .isEqualTo(201);

      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/notes",
                      Map.of("text", "She insisted on absolute confidentiality."))
                  .status())
          .isEqualTo(201);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/notes",
                      Map.of("text", "The threat is not imminent: no exception."))
                  .status())
          .isEqualTo(201);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/contacts",
                      Map.of(
                          "date",
                          "2026-03-02",
                          "modality",
                          "IN_PERSON",
                          "minutes",
                          75,
                          "text",
                          "First meeting"))
                  .status())
          .isEqualTo(201);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/contacts",
                      Map.of("date", "2026-03-04", "modality", "phone", "minutes", 20))
                  .status())
          .isEqualTo(201);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/options",
                      Map.of(
                          "kind",
                          "SPEAK_TO_OTHER_PARTY",
                          "decision",
                          "REFUSED",
                          "reason",
                          "Afraid of retaliation"))
                  .status())
          .isEqualTo(201);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/options",
                      Map.of(
                          "kind",
                          "DISCUSS_WITH_PERMISSION",
                          "decision",
                          "REFUSED",
                          "reason",
                          "Afraid of retaliation"))
                  .status())
          .isEqualTo(201);
      String anon =
          http.post("/api/v1/cases/" + id + "/options", Map.of("kind", "RAISE_ANONYMOUSLY"))
              .json()
              .get("id")
              .stringValue();
      assertThat(
              http.put(
                      "/api/v1/cases/" + id + "/options/" + anon,
                      Map.of(
                          "decision",
                          "ACCEPTED",
                          "reason",
                          "Remind the whole group of the safety rules"))
                  .status())
          .isEqualTo(200);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/reminders",
                      Map.of(
                          "due",
                          java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3).toString(),
                          "text",
                          "Check in: any retaliation?"))
                  .status())
          .isEqualTo(201);

      JsonNode c = http.get("/api/v1/cases/" + id).json();
      assertThat(c.get("persons").size()).isEqualTo(3);
      assertThat(c.get("persons").get(0).get("name").stringValue()).isEqualTo("Jane Doe");
      assertThat(c.get("notes").size()).isEqualTo(2);
      assertThat(c.get("contacts").get(1).get("modality").stringValue()).isEqualTo("PHONE");
      assertThat(c.get("options").get(2).get("decision").stringValue()).isEqualTo("ACCEPTED");
      assertThat(c.get("categories").get(1).get("label").stringValue())
          .contains("Supervisory Effectiveness");
      assertThat(http.get("/api/v1/reminders").json().get(0).get("caseId").stringValue())
          .isEqualTo(id);
      assertThat(http.post("/api/v1/cases/search", Map.of("q", "mike")).json().size())
          .as("search by a name")
          .isEqualTo(1);
      assertThat(
              http.post("/api/v1/cases/search", Map.of("q", "ABSOLUTE confidentialite"))
                  .json()
                  .size())
          .as("not every word")
          .isZero();
      assertThat(
              http.post("/api/v1/cases/search", Map.of("q", "absolute confidentiality"))
                  .json()
                  .size())
          .as("search by note words")
          .isEqualTo(1);
      assertThat(
              http.post("/api/v1/cases/search", Map.of("q", janeAlias.replace("*", "")))
                  .json()
                  .size())
          .as("search by pseudonym")
          .isEqualTo(1);

      // Remember what the stored ciphertexts look like, to look for them after destruction.
      JdbiCaseStore raw = new JdbiCaseStore(t.office.db());
      List<byte[]> traces = new ArrayList<>();
      raw.notes(id).forEach(n -> traces.add(Arrays.copyOfRange(n.body(), 0, 32)));
      raw.children(CaseStore.Child.PERSON, id)
          .forEach(p -> traces.add(Arrays.copyOfRange(p.data(), 0, 32)));
      traces.add(Arrays.copyOfRange(raw.findCase(id).orElseThrow().wrappedKey(), 0, 32));

      Http.Response closed =
          http.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "RESOLVED"));
      assertThat(closed.status()).as(closed.body()).isEqualTo(200);
      assertThat(closed.json().get("status").stringValue()).isEqualTo("CLOSED");
      assertThat(http.get("/api/v1/cases/" + id).status()).isEqualTo(404);
      assertThat(http.post("/api/v1/cases/search", Map.of("q", "mike")).json().size()).isZero();
      assertThat(raw.notes(id)).isEmpty();
      assertThat(raw.children(CaseStore.Child.PERSON, id)).isEmpty();
      assertThat(raw.children(CaseStore.Child.CONTACT, id)).isEmpty();
      assertThat(raw.findCase(id)).isEmpty();
      assertThat(GuardsIT.kinds(t)).contains(AuditKind.CASE_CLOSED, AuditKind.CASE_DESTROYED);
      assertThat(t.office.audit().verify().isIntact()).isTrue();

      List<byte[]> stats = raw.statRecords();
      assertThat(stats).hasSize(1);
      StatisticalRecord s = decryptStat(t, stats.get(0));
      assertThat(s.year()).isEqualTo(Instant.now().atZone(java.time.ZoneOffset.UTC).getYear());
      assertThat(s.categories()).containsExactly("6a", "2o", "2h");
      assertThat(s.visitors())
          .containsExactly(new StatisticalRecord.Visitor("STAFF", "WOMAN", "FROM_35_TO_44"));
      assertThat(s.contacts()).isEqualTo(2);
      assertThat(s.minutes()).isEqualTo(95);
      assertThat(s.options())
          .containsExactly(
              "SPEAK_TO_OTHER_PARTY:REFUSED",
              "DISCUSS_WITH_PERMISSION:REFUSED",
              "RAISE_ANONYMOUSLY:ACCEPTED");
      assertThat(s.outcome()).isEqualTo("RESOLVED");
      assertThat(new String(s.encode(), java.nio.charset.StandardCharsets.UTF_8))
          .doesNotContain(id)
          .doesNotContain("Jane")
          .doesNotContain("confidentiality");

      // The deleted ciphertexts and the case key are gone from every file, WAL included.
      for (byte[] trace : traces) {
        assertThat(filesContaining(t.dir, trace)).isEmpty();
      }
    }
  }

  /** Decrypts the only statistical record, whose id is its associated data. */
  private static StatisticalRecord decryptStat(TestOffice t, byte[] data)
      throws java.sql.SQLException {
    var keys = t.office.sessions().keys().orElseThrow();
    String statId;
    try (var conn =
            java.sql.DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("ombuds.db"));
        var st = conn.createStatement();
        var rs = st.executeQuery("SELECT id FROM stat_record")) {
      assertThat(rs.next()).isTrue();
      statId = rs.getString(1);
    }
    return StatisticalRecord.decode(
        t.office
            .vault()
            .decryptOffice(keys, FieldRef.office("stat_record", "data_enc", statId), data));
  }

  static List<Path> filesContaining(Path dir, byte[] needle) throws java.io.IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] hay;
        try {
          hay = Files.readAllBytes(f);
        } catch (java.nio.file.NoSuchFileException gone) {
          // The audit head's temporary file, renamed away between listing and reading: its
          // content is the head file's, which the walk reads too (or the next head write).
          continue;
        }
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
          for (int j = 0; j < needle.length; j++) {
            if (hay[i + j] != needle[j]) {
              continue outer;
            }
          }
          found.add(f);
          break;
        }
      }
    }
    return found;
  }

  @Test
  void a_case_counts_in_the_year_it_is_closed_so_a_past_year_stops_changing() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2025-12-20T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String id = create(http, "Opened in December");
      clock.advance(Duration.ofDays(16));
      http.withToken(null).login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      assertThat(
              http.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "RESOLVED")).status())
          .isEqualTo(200);
      List<byte[]> stats = new JdbiCaseStore(t.office.db()).statRecords();
      assertThat(stats).hasSize(1);
      assertThat(decryptStat(t, stats.get(0)).year()).isEqualTo(2026);
    }
  }

  @Test
  void a_pseudonym_never_stays_the_real_name_of_someone_added_later() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String id = create(http, "Pseudonyms");
      String janeId =
          http.post(
                  "/api/v1/cases/" + id + "/persons", Map.of("role", "VISITOR", "name", "Jane Doe"))
              .json()
              .get("id")
              .stringValue();
      JsonNode first = http.get("/api/v1/cases/" + id).json().get("persons").get(0);
      String given = first.get("pseudonym").stringValue();
      String realName = given.replace("*", "") + " Example";
      Http.Response later =
          http.post(
              "/api/v1/cases/" + id + "/persons", Map.of("role", "OTHER_PARTY", "name", realName));
      assertThat(later.json().get("pseudonym").stringValue()).isNotEqualTo(given);
      JsonNode persons = http.get("/api/v1/cases/" + id).json().get("persons");
      for (JsonNode p : persons) {
        if (p.get("id").stringValue().equals(janeId)) {
          assertThat(p.get("pseudonym").stringValue())
              .as("redrawn: it was the newcomer's real name")
              .isNotEqualTo(given)
              .endsWith("*");
        }
      }
    }
  }

  @Test
  void with_a_grace_period_a_closed_case_is_read_only_until_the_job_destroys_it() {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      assertThat(http.put("/api/v1/office/settings", Map.of("graceDays", 91)).status())
          .isEqualTo(400);
      assertThat(
              http.put("/api/v1/office/settings", Map.of("graceDays", 30))
                  .json()
                  .get("graceDays")
                  .intValue())
          .isEqualTo(30);
      String id = create(http, "Grace");
      http.post("/api/v1/cases/" + id + "/notes", Map.of("text", "kept for now"));
      assertThat(
              http.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "referred")).status())
          .isEqualTo(200);
      JsonNode closed = http.get("/api/v1/cases/" + id).json();
      assertThat(closed.get("status").stringValue()).isEqualTo("CLOSED");
      assertThat(closed.get("outcome").stringValue()).isEqualTo("REFERRED");
      assertThat(closed.has("notes")).as("notes are not shown once closed").isFalse();
      Http.Response refused =
          http.post("/api/v1/cases/" + id + "/notes", Map.of("text", "too late"));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.json().get("error").stringValue()).isEqualTo("case_closed");
      assertThat(
              http.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "RESOLVED")).status())
          .isEqualTo(409);
      clock.advance(Duration.ofDays(29));
      assertThat(t.office.cases().destroyDue()).isZero();
      http.withToken(null).login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      assertThat(http.get("/api/v1/cases/" + id).status()).isEqualTo(200);
      clock.advance(Duration.ofDays(2));
      assertThat(t.office.cases().destroyDue()).isEqualTo(1);
      http.withToken(null).login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      assertThat(http.get("/api/v1/cases/" + id).status()).isEqualTo(404);
    }
  }

  @Test
  void a_recused_ombuds_gets_the_same_answer_as_for_a_case_that_does_not_exist() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String bId = TestOffice.addColleague(a);
      Http b = t.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      String id = create(a, "Conflict of interest");
      assertThat(
              a.post(
                      "/api/v1/cases/" + id + "/recuse",
                      Map.of(
                          "handOverTo",
                          a.get("/api/v1/cases/" + id).json().get("handlerId").stringValue()))
                  .status())
          .as("not to oneself")
          .isEqualTo(400);
      assertThat(
              a.post(
                      "/api/v1/cases/" + id + "/recuse",
                      Map.of("handOverTo", "00000000-0000-4000-8000-000000000000"))
                  .status())
          .as("only to an active Ombuds of the office")
          .isEqualTo(400);
      assertThat(a.post("/api/v1/cases/" + id + "/recuse", Map.of("handOverTo", bId)).status())
          .isEqualTo(200);
      Http.Response recused = a.get("/api/v1/cases/" + id);
      Http.Response unknown = a.get("/api/v1/cases/00000000-0000-4000-8000-000000000000");
      assertThat(recused.status()).isEqualTo(404).isEqualTo(unknown.status());
      assertThat(recused.body()).isEqualTo(unknown.body());
      assertThat(a.post("/api/v1/cases/" + id + "/notes", Map.of("text", "x")).body())
          .isEqualTo(unknown.body());
      assertThat(a.get("/api/v1/cases").json().findValues("id").stream().map(JsonNode::stringValue))
          .doesNotContain(id);
      JsonNode seen = b.get("/api/v1/cases/" + id).json();
      assertThat(seen.get("handlerId").stringValue()).isEqualTo(bId);
      assertThat(GuardsIT.kinds(t)).contains(AuditKind.CASE_RECUSED);
    }
  }

  @Test
  void two_ombuds_editing_at_once_get_a_conflict_and_nothing_is_lost() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String id = create(http, "Original");
      Map<String, Object> first = new java.util.HashMap<>(caseBody("First edit", List.of("6a")));
      first.put("version", 0);
      Map<String, Object> second = new java.util.HashMap<>(caseBody("Second edit", List.of("2b")));
      second.put("version", 0);
      assertThat(http.put("/api/v1/cases/" + id, first).status()).isEqualTo(200);
      Http.Response conflict = http.put("/api/v1/cases/" + id, second);
      assertThat(conflict.status()).isEqualTo(409);
      assertThat(conflict.json().get("error").stringValue()).isEqualTo("conflict");
      JsonNode now = http.get("/api/v1/cases/" + id).json();
      assertThat(now.get("title").stringValue()).isEqualTo("First edit");
      assertThat(now.get("version").intValue()).isEqualTo(1);
      second.put("version", 1);
      assertThat(http.put("/api/v1/cases/" + id, second).status()).isEqualTo(200);
    }
  }

  @Test
  void an_ombuds_who_leaves_hands_over_every_case_and_can_no_longer_log_in() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http a = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String cId =
          a.post(
                  "/api/v1/accounts",
                  Map.of("username", "carl", "passphrase", "carl's long passphrase"))
              .json()
              .get("id")
              .stringValue();
      Http c = t.http().login("carl", "carl's long passphrase");
      // A third account waits for a second Ombuds (carl) to confirm it.
      String dId = TestOffice.addConfirmed(a, c, "dora", "dora's long passphrase");
      String id = create(c, "Carl's case");
      Http.Response asked = a.post("/api/v1/accounts/" + cId + "/handover", Map.of("to", dId));
      assertThat(asked.status()).as(asked.body()).isEqualTo(202);
      Http d = t.http().login("dora", "dora's long passphrase");
      Http.Response r =
          d.post(
              "/api/v1/office/changes/" + asked.json().get("pending").stringValue() + "/confirm",
              Map.of());
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().get("status").stringValue()).isEqualTo("APPLIED");
      assertThat(c.get("/api/v1/cases").status()).as("sessions end").isEqualTo(401);
      assertThat(
              t.http()
                  .post(
                      "/api/v1/session",
                      Map.of("username", "carl", "passphrase", "carl's long passphrase"))
                  .status())
          .isEqualTo(401);
      assertThat(a.get("/api/v1/cases/" + id).json().get("handlerId").stringValue()).isEqualTo(dId);
    }
  }

  @Test
  void bad_input_gets_clear_answers_and_changes_nothing() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String id = create(http, "Bad input");
      Http.Response role =
          http.post("/api/v1/cases/" + id + "/persons", Map.of("role", "BYSTANDER"));
      assertThat(role.status()).isEqualTo(400);
      assertThat(role.json().get("message").stringValue()).contains("VISITOR").contains("WITNESS");
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/persons",
                      Map.of("role", "OTHER_PARTY", "gender", "MAN"))
                  .status())
          .as("statistics for visitors only")
          .isEqualTo(400);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/contacts",
                      Map.of("date", "2026-13-01", "modality", "PHONE", "minutes", 5))
                  .status())
          .isEqualTo(400);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/contacts",
                      Map.of("date", "2026-01-01", "modality", "PHONE", "minutes", 5000))
                  .status())
          .isEqualTo(400);
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/contacts",
                      Map.of("date", "2026-01-01", "modality", "FAX", "minutes", 5))
                  .status())
          .isEqualTo(400);
      assertThat(
              http.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "WHATEVER")).status())
          .isEqualTo(400);
      Map<String, Object> overfull =
          Map.of(
              "title",
              "t",
              "categories",
              List.of(),
              "workUnit",
              Map.of(
                  "name",
                  "U",
                  "size",
                  3,
                  "composition",
                  List.of(Map.of("dimension", "gender", "group", "women", "count", 4))));
      assertThat(http.post("/api/v1/cases", overfull).status()).isEqualTo(400);
      JsonNode c = http.get("/api/v1/cases/" + id).json();
      assertThat(c.get("persons").size()).isZero();
      assertThat(c.get("contacts").size()).isZero();
      assertThat(c.get("status").stringValue()).isEqualTo("OPEN");
    }
  }

  @Test
  void the_office_adds_its_own_categories_beside_the_ioa_ones() {
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      assertThat(
              http.post("/api/v1/office/categories", Map.of("code", "9x", "label", "Bad")).status())
          .isEqualTo(400);
      assertThat(
              http.post(
                      "/api/v1/office/categories",
                      Map.of("code", "ops-safety", "label", "Operational safety"))
                  .status())
          .isEqualTo(201);
      Http.Response r =
          http.post("/api/v1/cases", caseBody("Own category", List.of("OPS-SAFETY", "6a")));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().get("categories").get(0).get("label").stringValue())
          .isEqualTo("Operational safety");
      assertThat(http.get("/api/v1/categories").body())
          .contains("OPS-SAFETY")
          .contains("Respect/Treatment");
      assertThat(http.get("/api/v1/cases?category=OPS").json().size()).isEqualTo(1);
      assertThat(http.get("/api/v1/cases?category=3").json().size()).isZero();
    }
  }

  @Test
  void the_purge_command_destroys_due_cases_without_unlocking_the_office() {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
    try (TestOffice t = TestOffice.create(Optional.empty(), clock).serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      http.put("/api/v1/office/settings", Map.of("graceDays", 1));
      String id = create(http, "To purge");
      http.post("/api/v1/cases/" + id + "/close", Map.of("outcome", "WITHDRAWN"));
      http.delete("/api/v1/session");
      assertThat(t.office.sessions().keys()).as("locked").isEmpty();
      clock.advance(Duration.ofDays(2));
      assertThat(t.office.cases().destroyDue()).isEqualTo(1);
      assertThat(new JdbiCaseStore(t.office.db()).findCase(id)).isEmpty();
    }
  }

  @Test
  void clock_is_used_for_contacts_in_the_future_check() {
    try (TestOffice t = TestOffice.create(Optional.empty(), Clock.systemUTC()).serve()) {
      Http http = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String id = create(http, "Dates");
      assertThat(
              http.post(
                      "/api/v1/cases/" + id + "/contacts",
                      Map.of(
                          "date",
                          java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString(),
                          "modality",
                          "PHONE",
                          "minutes",
                          5))
                  .status())
          .isEqualTo(400);
    }
  }
}
