package org.ombuds.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.integrity.Scenario.disclosures;
import static org.ombuds.integrity.Scenario.ok;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/**
 * An office made by the previous release (no mac columns, no V14 in the schema history, no {@code
 * rows.tagged} file) is tagged on its first open, says so in the audit log once, verifies, and
 * works; from then on a DBA's edit is caught. A fresh office is tagged from the start.
 */
class RowTagsUpgradeIT {
  static final String MARKER = "rows.tagged";
  private static final String SETTINGS = "/api/v1/office/settings";
  private static final String CHANGES = "/api/v1/office/changes/";

  private static void assertOwnerOnly(Path f) throws IOException {
    assertThat(f).as(MARKER + " in the data dir").exists();
    assertThat(Files.getPosixFilePermissions(f))
        .as("mode 0600")
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  private static long authenticated(DbaOffice o) {
    return o.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'ROWS_AUTHENTICATED'");
  }

  @Test
  void a_fresh_office_is_tagged_at_once() throws IOException {
    try (DbaOffice o = DbaOffice.sqlite()) {
      assertOwnerOnly(o.dir.resolve(MARKER));
      o.assertRowsCarryMacs();
      assertThat(authenticated(o)).as("init records that its rows are tagged").isEqualTo(1);
      assertThat(o.verify().exit()).isZero();
    }
  }

  /**
   * Without {@code rows.tagged} (a restore, a lost file), an office whose audit log records row
   * tags is never tagged again: an account row a DBA edited, its tag set to NULL, stays reported
   * and does not log in; beside the control, where the file is written back and nothing else
   * changes.
   */
  @Test
  void a_tag_removed_by_the_dba_is_not_made_valid_when_the_marker_is_gone()
      throws IOException, SQLException {
    try (DbaOffice o = DbaOffice.sqlite()) {
      o.stop();
      Files.delete(o.dir.resolve(MARKER));
      o.start();
      assertOwnerOnly(o.dir.resolve(MARKER));
      assertThat(authenticated(o)).as("the control: nothing tagged again").isEqualTo(1);
      assertThat(o.verify().exit()).as("the control").isZero();
      o.ombuds();

      o.dba(
          c -> {
            assertThat(
                    DbaOffice.update(
                        c,
                        "UPDATE account SET language = 'de', mac = NULL WHERE username = ?",
                        TestOffice.USERNAME))
                .isEqualTo(1);
            Files.delete(o.dir.resolve(MARKER));
          });
      assertThat(authenticated(o)).as("no second tagging").isEqualTo(1);
      DbaOffice.Verify v = o.verify();
      assertThat(v.exit()).as(v.all()).isEqualTo(DbaOffice.TAMPERED);
      assertThat(v.all()).contains("account");
      assertThat(o.login(TestOffice.USERNAME, TestOffice.PASSPHRASE, Optional.empty()).status())
          .as("the edited account does not log in")
          .isEqualTo(409);
    }
  }

  @Test
  void an_office_of_the_previous_release_is_tagged_on_first_open_and_says_so_once()
      throws IOException, SQLException {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      String[] cj = Scenario.caseWithJane(a, "Safety concerns");
      String caseId = cj[0];
      String d = Scenario.draft(a, caseId, Scenario.SAFE_TEXT);
      Scenario.consent(a, caseId, d, cj[1]);
      String[] linked = Scenario.linkedContact(a, o.http(), caseId, cj[1]);
      TestOffice.addColleague(a);
      String change = Scenario.pending(a.put(SETTINGS, Map.of("graceDays", 30)));
      o.stop();
      // The previous release's init recorded no row tags.
      o.rechainAuditLogWithout("ROWS_AUTHENTICATED");

      // The previous release's schema and data dir.
      o.assertRowsCarryMacs();
      try (Connection c = o.connect();
          Statement s = c.createStatement()) {
        for (String t : DbaOffice.TAGGED) {
          s.executeUpdate("ALTER TABLE " + t + " DROP COLUMN mac");
        }
        // What V14 adds for the visitor's signed decisions.
        s.executeUpdate("ALTER TABLE portal_thread DROP COLUMN decision_key");
        s.executeUpdate("ALTER TABLE portal_consent DROP COLUMN decision_sig");
        s.executeUpdate("ALTER TABLE office DROP COLUMN signed_decisions_from");
        assertThat(s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '14'"))
            .isEqualTo(1);
      }
      Files.delete(o.dir.resolve(MARKER));
      assertThat(authenticated(o)).isZero();

      o.start();
      assertOwnerOnly(o.dir.resolve(MARKER));
      o.assertRowsCarryMacs();
      assertThat(authenticated(o)).as("the audit log says the rows were tagged").isEqualTo(1);
      DbaOffice.Verify v = o.verify();
      assertThat(v.exit()).as(v.all()).isZero();
      assertThat(authenticated(o)).as("once, on the first open only").isEqualTo(1);

      a = o.ombuds();
      assertThat(ok(a.get("/api/v1/cases/" + caseId), 200).json().get("title").stringValue())
          .isEqualTo("Safety concerns");
      assertThat(ok(a.get("/api/v1/portal/threads/" + linked[0]), 200).body()).contains(caseId);
      assertThat(
              ok(a.get(disclosures(caseId) + "/" + d), 200)
                  .json()
                  .get("consents")
                  .get(0)
                  .get("current")
                  .booleanValue())
          .isTrue();
      ok(Scenario.release(a, caseId, d), 200);
      ok(a.put("/api/v1/account/language", Map.of("language", "fr")), 200);
      Http b = o.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
      ok(b.post(CHANGES + change + "/confirm", Map.of()), 200);
      assertThat(ok(a.get(SETTINGS), 200).json().get("graceDays").intValue())
          .as("the change asked before the upgrade, confirmed after it")
          .isEqualTo(30);
      assertThat(o.verify().exit()).as("legitimate writes keep the tags").isZero();

      o.dba(1, "UPDATE account SET language = 'de' WHERE username = 'ombuds'");
      DbaOffice.Verify edited = o.verify();
      assertThat(edited.exit()).as(edited.all()).isEqualTo(DbaOffice.TAMPERED);
      assertThat(edited.all()).contains("account");
    }
  }

  /**
   * Flyway's history is in the database: a DBA who drops what V14 added and deletes V14 from the
   * history has it run again on the next open, every row untagged, and may make a row up on the way
   * (here a change to the safeguards "asked" by the second Ombuds). Even without {@code
   * rows.tagged} (a restore, a lost file), the verified audit log says the rows were tagged
   * already: nothing is tagged, the office lets nobody in and {@code audit verify} exits 3 until
   * the database is restored.
   */
  @Test
  void v14_run_again_by_the_dba_tags_nothing_it_made_up() throws SQLException, IOException {
    try (DbaOffice o = DbaOffice.sqlite()) {
      Http a = o.ombuds();
      String bea = TestOffice.addColleague(a);
      String change = Scenario.pending(a.put(SETTINGS, Map.of("graceDays", 30)));
      o.stop();
      long before = authenticated(o);
      String forged = java.util.UUID.randomUUID().toString();
      try (Connection c = o.connect();
          Statement s = c.createStatement()) {
        for (String t : DbaOffice.TAGGED) {
          s.executeUpdate("ALTER TABLE " + t + " DROP COLUMN mac");
        }
        s.executeUpdate("ALTER TABLE portal_thread DROP COLUMN decision_key");
        s.executeUpdate("ALTER TABLE portal_consent DROP COLUMN decision_sig");
        s.executeUpdate("ALTER TABLE office DROP COLUMN signed_decisions_from");
        assertThat(s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '14'"))
            .isEqualTo(1);
        assertThat(
                DbaOffice.update(
                    c,
                    "INSERT INTO office_change (id, kind, requested_by, requested_at, settings,"
                        + " status) SELECT ?, kind, ?, requested_at, 'graceDays=90', status"
                        + " FROM office_change WHERE id = ?",
                    forged,
                    bea,
                    change))
            .isEqualTo(1);
      }
      Files.delete(o.dir.resolve(MARKER));

      o.start();
      assertThat(o.office().rowsTaggedNow()).as("nothing tagged").isZero();
      assertThat(authenticated(o)).isEqualTo(before);
      DbaOffice.Verify v = o.verify();
      assertThat(v.exit()).as(v.all()).isEqualTo(DbaOffice.TAMPERED);
      DbaOffice.assertTampered(
          o.login(TestOffice.USERNAME, TestOffice.PASSPHRASE, Optional.empty()), "graceDays");
    }
  }
}
