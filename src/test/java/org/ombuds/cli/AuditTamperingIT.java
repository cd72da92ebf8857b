package org.ombuds.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.TestOffice;

/**
 * A database administrator edits the audit table of a real office with SQL, one column of one entry
 * at a time (the entry picked by a seeded random): {@code ombuds audit verify} exits 3 and names
 * that entry, whatever the edit (another value, an unknown kind, a NULL, a truncated or retyped
 * blob); before each edit, the untouched table verifies (exit 0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTamperingIT {
  private static final long SEED = 20240612L;
  private static final String[] COLUMNS = {
    "seq", "at", "kind", "actor", "subject", "outcome", "prev_hash", "hash", "mac"
  };

  private TestOffice sqlite;
  private TestOffice postgres;
  private String pgUrl;
  private long entries;

  @BeforeAll
  void offices() throws SQLException {
    sqlite = TestOffice.create();
    pgUrl = Postgres.newDatabase();
    postgres = TestOffice.create(Optional.of(pgUrl), Clock.systemUTC());
    for (TestOffice t : List.of(sqlite, postgres)) {
      // A few more real entries of several kinds.
      t.office
          .accounts()
          .login(TestOffice.USERNAME, passphrase("wrong passphrase!!"), Optional.empty());
      t.office
          .accounts()
          .login(TestOffice.USERNAME, passphrase(TestOffice.PASSPHRASE), Optional.empty());
      t.office.close();
    }
    try (Connection c = sqliteConnection();
        Statement s = c.createStatement()) {
      // What a DBA can do to SQLite: a table without the NOT NULL constraints, same rows.
      s.executeUpdate(
          "CREATE TABLE loose (seq BIGINT PRIMARY KEY, at BIGINT, kind VARCHAR(40),"
              + " actor VARCHAR(100), subject VARCHAR(100), outcome VARCHAR(100),"
              + " prev_hash BLOB, hash BLOB, mac BLOB)");
      s.executeUpdate("INSERT INTO loose SELECT * FROM audit_log");
      s.executeUpdate("DROP TABLE audit_log");
      s.executeUpdate("ALTER TABLE loose RENAME TO audit_log");
      s.executeUpdate("CREATE TABLE audit_original AS SELECT * FROM audit_log");
      try (var rs = s.executeQuery("SELECT COUNT(*) FROM audit_log")) {
        rs.next();
        entries = rs.getLong(1);
      }
    }
    try (Connection c = DriverManager.getConnection(pgUrl);
        Statement s = c.createStatement()) {
      for (String col : COLUMNS) {
        if (!col.equals("seq")) {
          s.executeUpdate("ALTER TABLE audit_log ALTER COLUMN " + col + " DROP NOT NULL");
        }
      }
      s.executeUpdate("CREATE TABLE audit_original AS SELECT * FROM audit_log");
      try (var rs = s.executeQuery("SELECT COUNT(*) FROM audit_log")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(entries);
      }
    }
    assertThat(entries).isGreaterThanOrEqualTo(4);
  }

  private static org.ombuds.vault.Passphrase passphrase(String s) {
    return org.ombuds.vault.Passphrase.of(s);
  }

  @AfterAll
  void cleanUp() {
    org.ombuds.testing.Files2.deleteTree(sqlite.dir);
    org.ombuds.testing.Files2.deleteTree(postgres.dir);
  }

  /** One edit: SQL with {@code ?} for the entry's seq, and whether it runs on PostgreSQL too. */
  record Edit(String column, String what, String sql, boolean sqliteOnly) {
    @Override
    public String toString() {
      return column + ": " + what;
    }
  }

  static List<Edit> edits() {
    List<Edit> e = new ArrayList<>();
    e.add(
        new Edit(
            "seq",
            "moved past the end",
            "UPDATE audit_log SET seq = seq + 1000 WHERE seq = ?",
            false));
    e.add(new Edit("seq", "NULL", "UPDATE audit_log SET seq = NULL WHERE seq = ?", true));
    e.add(new Edit("seq", "text", "UPDATE audit_log SET seq = 'x' WHERE seq = ?", true));
    e.add(
        new Edit(
            "at",
            "one millisecond later",
            "UPDATE audit_log SET at = at + 1 WHERE seq = ?",
            false));
    e.add(
        new Edit(
            "at",
            "to the day",
            "UPDATE audit_log SET at = at - (at % 86400000) WHERE seq = ?",
            false));
    e.add(new Edit("at", "NULL", "UPDATE audit_log SET at = NULL WHERE seq = ?", false));
    e.add(new Edit("at", "text", "UPDATE audit_log SET at = 'yesterday' WHERE seq = ?", true));
    e.add(new Edit("at", "real", "UPDATE audit_log SET at = at + 0.5 WHERE seq = ?", true));
    e.add(
        new Edit(
            "kind",
            "another known kind",
            "UPDATE audit_log SET kind = CASE WHEN kind = 'LOGOUT' THEN 'LOGIN_FAILED' ELSE 'LOGOUT' END WHERE seq = ?",
            false));
    e.add(
        new Edit(
            "kind",
            "unknown kind",
            "UPDATE audit_log SET kind = 'NOT_A_KIND' WHERE seq = ?",
            false));
    e.add(
        new Edit(
            "kind", "lower case", "UPDATE audit_log SET kind = LOWER(kind) WHERE seq = ?", false));
    e.add(new Edit("kind", "empty", "UPDATE audit_log SET kind = '' WHERE seq = ?", false));
    e.add(new Edit("kind", "NULL", "UPDATE audit_log SET kind = NULL WHERE seq = ?", false));
    e.add(
        new Edit(
            "kind", "bytes", "UPDATE audit_log SET kind = X'4c4f474f5554' WHERE seq = ?", true));
    for (String col : List.of("actor", "subject", "outcome")) {
      e.add(
          new Edit(
              col,
              "other text",
              "UPDATE audit_log SET " + col + " = " + col + " || 'x' WHERE seq = ?",
              false));
      e.add(
          new Edit(
              col,
              "empty",
              "UPDATE audit_log SET "
                  + col
                  + " = CASE WHEN "
                  + col
                  + " = '' THEN 'y' ELSE '' END WHERE seq = ?",
              false));
      e.add(new Edit(col, "NULL", "UPDATE audit_log SET " + col + " = NULL WHERE seq = ?", false));
      e.add(new Edit(col, "a number", "UPDATE audit_log SET " + col + " = 7 WHERE seq = ?", true));
    }
    for (String col : List.of("prev_hash", "hash", "mac")) {
      e.add(new Edit(col, "NULL", "UPDATE audit_log SET " + col + " = NULL WHERE seq = ?", false));
      e.add(
          new Edit(
              col,
              "truncated",
              "UPDATE audit_log SET " + col + " = SUBSTR(" + col + ", 1, 16) WHERE seq = ?",
              true));
      e.add(
          new Edit(
              col,
              "truncated",
              "UPDATE audit_log SET "
                  + col
                  + " = SUBSTRING("
                  + col
                  + " FROM 1 FOR 16) WHERE seq = ?",
              false));
      e.add(new Edit(col, "empty", "UPDATE audit_log SET " + col + " = X'' WHERE seq = ?", true));
      e.add(
          new Edit(
              col,
              "longer",
              "UPDATE audit_log SET " + col + " = " + col + " || X'00' WHERE seq = ?",
              true));
      e.add(new Edit(col, "text", "UPDATE audit_log SET " + col + " = 'abc' WHERE seq = ?", true));
      e.add(new Edit(col, "a number", "UPDATE audit_log SET " + col + " = 42 WHERE seq = ?", true));
      e.add(
          new Edit(
              col,
              "another entry's",
              "UPDATE audit_log SET "
                  + col
                  + " = (SELECT "
                  + col
                  + " FROM audit_original o WHERE o.seq = (CASE WHEN ? = 1 THEN 2 ELSE 1 END)) WHERE seq = ?",
              false));
    }
    return e;
  }

  Stream<Arguments> cases() {
    Random random = new Random(SEED);
    List<Arguments> out = new ArrayList<>();
    for (Edit e : edits()) {
      long seq = 1L + random.nextInt((int) entries);
      boolean pgOnly = e.sql().contains("SUBSTRING("); // SQLite spells it SUBSTR
      if (!pgOnly) {
        out.add(Arguments.of("sqlite", e, seq));
      }
      if (!e.sqliteOnly()) {
        // PostgreSQL's columns are typed: only edits that keep the type run there.
        out.add(Arguments.of("postgres", e, seq));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} of entry {2}")
  @MethodSource("cases")
  void every_edit_of_the_audit_table_exits_3_naming_the_entry(String db, Edit edit, long seq)
      throws SQLException {
    boolean pg = db.equals("postgres");
    TestOffice t = pg ? postgres : sqlite;
    try (Connection c = pg ? DriverManager.getConnection(pgUrl) : sqliteConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM audit_log");
      s.executeUpdate("INSERT INTO audit_log SELECT * FROM audit_original");
    }
    Result control = verify(t.dir);
    assertThat(control.exit()).as("the untouched log: " + control.err()).isZero();
    assertThat(control.out()).contains("intact: " + entries + " entries");

    try (Connection c = pg ? DriverManager.getConnection(pgUrl) : sqliteConnection();
        var ps = c.prepareStatement(edit.sql())) {
      ps.setLong(1, seq);
      if (edit.sql().indexOf('?') != edit.sql().lastIndexOf('?')) {
        ps.setLong(2, seq);
      }
      assertThat(ps.executeUpdate()).as("the edit hit one row").isEqualTo(1);
    }
    Result r = verify(t.dir);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.TAMPERED);
    assertThat(r.err())
        .contains("TAMPERED: first bad entry is #" + seq + ":")
        .doesNotContain("Unexpected failure");
  }

  private Connection sqliteConnection() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + sqlite.dir.resolve("ombuds.db"));
  }

  private record Result(int exit, String out, String err) {}

  private static Result verify(Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.execute(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            "audit",
            "verify",
            "--data",
            dir.toString());
    return new Result(exit, out.toString(), err.toString());
  }
}
