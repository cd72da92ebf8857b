package org.ombuds.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.cli.Main;
import org.ombuds.testing.Files2;
import org.ombuds.testing.Http;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.TestOffice;
import org.ombuds.web.WebServer;

/**
 * A real, served office whose database a test edits the way a database administrator would: the
 * server and the office are closed, the rows are changed with plain JDBC, and the office is opened
 * again from its data directory ({@link Office#open}) and served on a new port. Sessions live in
 * memory, so every reopening logs everyone out (log in again after {@link #dba}).
 */
final class DbaOffice implements AutoCloseable {
  /** The one seed of this package's randomness. */
  static final long SEED = 20261207L;

  /** The exit code of {@code ombuds audit verify} for a tampered office. */
  static final int TAMPERED = 3;

  /** The ten tables whose rows carry a MAC (V14). */
  static final List<String> TAGGED =
      List.of(
          "office",
          "account",
          "case_file",
          "recusal",
          "disclosure",
          "consent",
          "determination",
          "portal_thread",
          "portal_consent",
          "office_change");

  final Path dir;
  final String db;
  private final Optional<String> pgUrl;
  private final Clock clock;
  private Office office;
  private WebServer server;

  private DbaOffice(TestOffice t, String db, Optional<String> pgUrl, Clock clock) {
    this.dir = t.dir;
    this.db = db;
    this.pgUrl = pgUrl;
    this.clock = clock;
    this.office = t.office;
    this.server = t.serve().server();
  }

  /** A new office, served: {@code db} is "sqlite" or "postgres". */
  static DbaOffice create(String db, Clock clock) {
    Optional<String> pg =
        switch (db) {
          case "sqlite" -> Optional.empty();
          case "postgres" -> Optional.of(Postgres.newDatabase());
          default -> throw new IllegalArgumentException(db);
        };
    return new DbaOffice(TestOffice.create(pg, clock), db, pg, clock);
  }

  static DbaOffice sqlite() {
    return create("sqlite", Clock.systemUTC());
  }

  /** The office as opened now (after a {@link #dba} edit, the reopened one). */
  Office office() {
    if (office == null) {
      throw new IllegalStateException("the office is closed");
    }
    return office;
  }

  /** A client of the office as served now, logged out. */
  Http http() {
    if (server == null) {
      throw new IllegalStateException("the office is not served");
    }
    return new Http("http://127.0.0.1:" + server.port());
  }

  /** The first Ombuds, logged in. */
  Http ombuds() {
    return http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
  }

  /** {@code POST /api/v1/session} as sent, whatever the answer. */
  Http.Response login(String username, String passphrase, Optional<String> otp) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("passphrase", passphrase);
    otp.ifPresent(o -> body.put("otp", o));
    return http().post("/api/v1/session", body);
  }

  /** A JDBC connection straight to the office's database, as a DBA would open it. */
  Connection connect() throws SQLException {
    if (pgUrl.isPresent()) {
      return DriverManager.getConnection(pgUrl.get());
    }
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ombuds.db"));
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = OFF");
    }
    return c;
  }

  /** What a DBA does to the database. */
  @FunctionalInterface
  interface Edit {
    void apply(Connection c) throws SQLException, java.io.IOException;
  }

  /** Closes the server and the office, applies {@code edit} with JDBC, opens and serves again. */
  void dba(Edit edit) {
    stop();
    try (Connection c = connect()) {
      edit.apply(c);
    } catch (SQLException | java.io.IOException e) {
      throw new IllegalStateException("the DBA's edit failed: " + e.getMessage(), e);
    }
    start();
  }

  /** One DBA statement with the office closed; fails unless it changed {@code rows} rows. */
  void dba(int rows, String sql, Object... params) {
    dba(c -> assertThat(update(c, sql, params)).as("rows changed by " + sql).isEqualTo(rows));
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** The first column of the first row of a query, or null (read while the office runs). */
  Object scalar(String sql, Object... params) {
    try (Connection c = connect();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  String text(String sql, Object... params) {
    Object o = scalar(sql, params);
    return o == null ? null : o.toString();
  }

  long count(String sql, Object... params) {
    return ((Number) scalar(sql, params)).longValue();
  }

  /** The id of the account named {@code username}. */
  String accountId(String username) {
    return text("SELECT id FROM account WHERE username = ?", username);
  }

  /** The columns of {@code table}, from the database's metadata, lower case, in order. */
  List<String> columns(String table) {
    try (Connection c = connect()) {
      return columns(c, table);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> columns(Connection c, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    DatabaseMetaData md = c.getMetaData();
    try (ResultSet rs = md.getColumns(null, null, table, null)) {
      while (rs.next()) {
        String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
        if (!out.contains(name)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Fails, saying why, unless V14 gave every tagged table its {@code mac} column. */
  void assertRowsCarryMacs() {
    for (String t : TAGGED) {
      assertThat(columns(t)).as("V14 adds a mac column to " + t).contains("mac");
    }
  }

  /** What {@code ombuds audit verify} answered. */
  record Verify(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /**
   * Runs {@code ombuds audit verify --data DIR} (the CLI's code, in this JVM) with the office
   * closed, so that nothing this test's office holds in memory (the audit head) is unwritten; opens
   * and serves it again after, if it was open.
   */
  Verify verify() {
    boolean wasOpen = office != null;
    if (wasOpen) {
      stop();
    }
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
    if (wasOpen) {
      start();
    }
    return new Verify(exit, out.toString(), err.toString());
  }

  /** Closes the server and the office. */
  void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
    if (office != null) {
      office.close();
      office = null;
    }
  }

  /** Opens the office from its data directory as {@code ombuds serve} does, and serves it. */
  void start() {
    office = Office.open(new DataDir(dir), pgUrl, clock);
    server = new WebServer(office, WebServer.Options.plain()).start("127.0.0.1", 0);
  }

  /**
   * Rewrites the audit log, with the office stopped, as a log without any entry of {@code kind}:
   * the other entries are appended again, in order, to a new chain under the office's audit key
   * (their times become the clock's). For making the log of an office of a previous release, which
   * had no such entry; a DBA cannot do this (the key is outside the database).
   */
  void rechainAuditLogWithout(String kind) throws SQLException, java.io.IOException {
    List<String[]> kept = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT kind, actor, subject, outcome FROM audit_log ORDER BY seq")) {
        while (rs.next()) {
          if (!rs.getString(1).equals(kind)) {
            kept.add(
                new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
          }
        }
      }
      s.executeUpdate("DELETE FROM audit_log");
    }
    java.nio.file.Files.delete(dir.resolve(DataDir.AUDIT_HEAD));
    try (Office o = Office.open(new DataDir(dir), pgUrl, clock)) {
      o.db()
          .inTransaction(
              () -> {
                for (String[] e : kept) {
                  o.audit()
                      .append(
                          new org.ombuds.audit.AuditEvent(
                              org.ombuds.audit.AuditKind.valueOf(e[0]), e[1], e[2], e[3]));
                }
                return null;
              });
    }
  }

  /** How many other PostgreSQL sessions wait on a lock now (seen from {@code c}). */
  long waitingOnALock(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                    + " AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public void close() {
    stop();
    Files2.deleteTree(dir);
  }

  /** The refusal the contract asks for after a DBA edit: 409 tampered, no content. */
  static void assertTampered(Http.Response r, String... notShown) {
    assertThat(r.status()).as("409 tampered, got: " + r.body()).isEqualTo(409);
    assertThat(r.json().get("error").stringValue()).as(r.body()).isEqualTo("tampered");
    String message = r.json().get("message").stringValue().toLowerCase(Locale.ROOT);
    assertThat(message).as("says the database was altered outside ombuds").contains("database");
    for (String s : notShown) {
      assertThat(r.body()).as("no content in the refusal").doesNotContain(s);
    }
  }
}
