package org.ombuds.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombuds.account.Username;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.app.ServerLock;
import org.ombuds.audit.Verification;
import org.ombuds.store.DbConfig;
import org.ombuds.store.TableCopier;
import org.ombuds.testing.Http;
import org.ombuds.testing.Postgres;
import org.ombuds.vault.Passphrase;
import org.ombuds.web.WebServer;

/** Moving an office from SQLite to a real PostgreSQL and back, also after an interruption. */
class MigrationIT {
  private static final String PASSPHRASE = "a long test passphrase";
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path tmp;

  /** An office with a case and notes, written over HTTP; closed again. Returns the case id. */
  private String seededOffice(DataDir dir) {
    try (Passphrase p = Passphrase.of(PASSPHRASE);
        Office office = Office.init(dir, Optional.empty(), new Username("jo"), p, CLOCK).office()) {
      WebServer server = new WebServer(office, WebServer.Options.plain()).start("127.0.0.1", 0);
      try {
        Http http = new Http("http://127.0.0.1:" + server.port()).login("jo", PASSPHRASE);
        String caseId =
            http.post(
                    "/api/v1/cases",
                    Map.of(
                        "title",
                        "Moving house",
                        "categories",
                        List.of("2b"),
                        "workUnit",
                        Map.of("name", "Unit", "size", 9)))
                .json()
                .get("id")
                .stringValue();
        http.post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "Jo"));
        for (int i = 0; i < 30; i++) {
          assertThat(
                  http.post("/api/v1/cases/" + caseId + "/notes", Map.of("text", "note " + i))
                      .status())
              .isEqualTo(201);
        }
        http.delete("/api/v1/session");
        return caseId;
      } finally {
        server.stop();
      }
    }
  }

  /** Every table's rows, each row as text (bytes in hex, numbers and booleans as integers). */
  private static Map<String, List<String>> contents(DbConfig db) throws SQLException {
    Map<String, List<String>> all = new LinkedHashMap<>();
    try (Connection c = TableCopier.connect(db)) {
      for (TableCopier.TableCount t : TableCopier.manifestOf(c).tables()) {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM \"" + t.table() + "\"")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= n; i++) {
              row.append(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT))
                  .append('=')
                  .append(text(rs.getObject(i)))
                  .append(';');
            }
            rows.add(row.toString());
          }
        }
        rows.sort(null);
        all.put(t.table(), rows);
      }
      c.rollback();
    }
    return all;
  }

  private static String text(Object v) {
    return switch (v) {
      case null -> "null";
      case byte[] b -> HexFormat.of().formatHex(b);
      case Boolean b -> b ? "1" : "0";
      case Number n -> Long.toString(n.longValue());
      default -> v.toString();
    };
  }

  private static Verification verify(DataDir dir) {
    try (Office office = Office.open(dir, Optional.empty(), CLOCK)) {
      return office.audit().verify();
    }
  }

  @Test
  void to_postgres_and_back_every_row_equal_the_audit_log_verifies_and_the_case_is_served()
      throws Exception {
    DataDir dir = new DataDir(tmp.resolve("office"));
    String caseId = seededOffice(dir);
    Map<String, List<String>> before = contents(DbConfig.sqlite(dir.root()));
    assertThat(before.get("note")).hasSize(30);
    String pg = Postgres.newDatabase();

    Migration.Moved moved =
        Migration.migrate(dir, pg, CLOCK, TableCopier.Progress.NONE, (t, n) -> {});
    assertThat(moved.alreadyCopied()).isFalse();
    assertThat(dir.settings().getProperty("db.url")).isEqualTo(pg);
    assertThat(dir.root().resolve("ombuds.db")).doesNotExist();
    assertThat(moved.oldSqliteFile()).isPresent();
    assertThat(moved.oldSqliteFile().get()).exists();
    assertThat(contents(DbConfig.fromUrl(pg))).isEqualTo(before);
    assertThat(verify(dir)).isInstanceOf(Verification.Intact.class);

    try (Office office = Office.open(dir, Optional.empty(), CLOCK)) {
      assertThat(office.db().isPostgres()).isTrue();
      WebServer server = new WebServer(office, WebServer.Options.plain()).start("127.0.0.1", 0);
      try {
        Http http = new Http("http://127.0.0.1:" + server.port()).login("jo", PASSPHRASE);
        var c = http.get("/api/v1/cases/" + caseId).json();
        assertThat(c.get("title").stringValue()).isEqualTo("Moving house");
        assertThat(c.get("notes").size()).isEqualTo(30);
      } finally {
        server.stop();
      }
    }
    Map<String, List<String>> onPostgres = contents(DbConfig.fromUrl(pg));

    String back = "jdbc:sqlite:" + dir.root().resolve("ombuds.db");
    Migration.migrate(dir, back, CLOCK, TableCopier.Progress.NONE, (t, n) -> {});
    assertThat(dir.settings().getProperty("db.url")).isNull();
    assertThat(contents(DbConfig.sqlite(dir.root()))).isEqualTo(onPostgres);
    assertThat(verify(dir)).isInstanceOf(Verification.Intact.class);
  }

  @Test
  void an_interrupted_migration_changes_nothing_and_the_next_run_finishes_without_doubles()
      throws Exception {
    DataDir dir = new DataDir(tmp.resolve("office"));
    seededOffice(dir);
    Map<String, List<String>> before = contents(DbConfig.sqlite(dir.root()));
    String pg = Postgres.newDatabase();

    assertThatThrownBy(
            () ->
                Migration.migrate(
                    dir,
                    pg,
                    CLOCK,
                    TableCopier.Progress.NONE,
                    (table, done) -> {
                      if (done == 3) {
                        throw new BackupFailure(BackupFailure.Kind.FAULT, "interrupted");
                      }
                    }))
        .isInstanceOf(BackupFailure.class);
    assertThat(dir.settings().getProperty("db.url")).isNull();
    assertThat(dir.root().resolve("ombuds.db")).exists();
    Map<String, List<String>> half = contents(DbConfig.fromUrl(pg));
    assertThat(half.get("office")).isEmpty();
    assertThat(half.get("audit_log")).isEmpty();
    assertThat(half.values().stream().mapToInt(List::size).sum()).isZero();
    assertThat(verify(dir))
        .as("the office still works on SQLite")
        .isInstanceOf(Verification.Intact.class);

    Migration.Moved moved =
        Migration.migrate(dir, pg, CLOCK, TableCopier.Progress.NONE, (t, n) -> {});
    assertThat(moved.rows()).isEqualTo(before.values().stream().mapToInt(List::size).sum());
    assertThat(contents(DbConfig.fromUrl(pg))).isEqualTo(before);
    assertThat(verify(dir)).isInstanceOf(Verification.Intact.class);
  }

  @Test
  void a_copy_committed_but_not_switched_is_finished_by_the_next_run() throws Exception {
    DataDir dir = new DataDir(tmp.resolve("office"));
    seededOffice(dir);
    Map<String, List<String>> before = contents(DbConfig.sqlite(dir.root()));
    String pg = Postgres.newDatabase();
    // Simulates a crash between the commit and the switch: copy, then put the settings back.
    Path db = dir.root().resolve("ombuds.db");
    Path saved = tmp.resolve("saved.db");
    Files.copy(db, saved);
    Migration.migrate(dir, pg, CLOCK, TableCopier.Progress.NONE, (t, n) -> {});
    Files.delete(dir.root().resolve(DataDir.CONFIG));
    try (Stream<Path> s = Files.list(dir.root())) {
      for (Path p : s.filter(p -> p.getFileName().toString().contains("migrated")).toList()) {
        Files.delete(p);
      }
    }
    Files.copy(saved, db);

    Migration.Moved again =
        Migration.migrate(dir, pg, CLOCK, TableCopier.Progress.NONE, (t, n) -> {});
    assertThat(again.alreadyCopied()).isTrue();
    assertThat(contents(DbConfig.fromUrl(pg))).isEqualTo(before);
    assertThat(dir.settings().getProperty("db.url")).isEqualTo(pg);
  }

  @Test
  void a_target_holding_another_office_is_refused() {
    DataDir one = new DataDir(tmp.resolve("one"));
    DataDir two = new DataDir(tmp.resolve("two"));
    seededOffice(one);
    seededOffice(two);
    String pg = Postgres.newDatabase();
    Migration.migrate(one, pg, CLOCK, TableCopier.Progress.NONE, (t, n) -> {});
    assertThatThrownBy(
            () -> Migration.migrate(two, pg, CLOCK, TableCopier.Progress.NONE, (t, n) -> {}))
        .isInstanceOf(BackupFailure.class)
        .hasMessageContaining("already holds another office");
    assertThat(two.settings().getProperty("db.url")).isNull();
  }

  @Test
  void a_running_server_is_detected_and_the_migration_refused() throws IOException {
    DataDir dir = new DataDir(tmp.resolve("office"));
    seededOffice(dir);
    ServerLock held = ServerLock.tryAcquire(dir).orElseThrow();
    try {
      assertThat(ServerLock.isHeld(dir)).isTrue();
      assertThatThrownBy(
              () ->
                  Migration.migrate(
                      dir, Postgres.newDatabase(), CLOCK, TableCopier.Progress.NONE, (t, n) -> {}))
          .isInstanceOf(BackupFailure.class)
          .hasMessageContaining("stop it first");
    } finally {
      held.close();
    }
    assertThat(ServerLock.isHeld(dir)).isFalse();
  }
}
