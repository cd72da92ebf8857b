package org.ombuds.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.testing.MutableClock;

/**
 * A database administrator edits the ten tagged tables of a real office (SQLite and PostgreSQL)
 * with SQL, one column of one row at a time (the row picked by a seeded random, the columns read
 * from the database's metadata): {@code ombuds audit verify} exits 3 naming the table and the row;
 * once the row is put back, it exits 0 again. So do a MAC copied from another row, a NULL MAC, a
 * forged row and a deleted recusal.
 *
 * <p>Before the edits, the tables are rebuilt as a DBA can: on SQLite without their NOT NULL,
 * CHECK, UNIQUE and foreign-key constraints (same columns, same types, same primary key), on
 * PostgreSQL with those constraints dropped, so that any value, NULL included, can be written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbaEditsIT {
  private static final List<String> DATABASES = List.of("sqlite", "postgres");
  private final Map<String, DbaOffice> offices = new LinkedHashMap<>();

  @BeforeAll
  void offices() throws SQLException {
    for (String db : DATABASES) {
      MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
      DbaOffice o = DbaOffice.create(db, clock);
      offices.put(db, o);
      Scenario.full(o, clock);
      Scenario.assertRowsInEveryTable(o);
      o.stop();
      try (Connection c = o.connect()) {
        if (db.equals("sqlite")) {
          loosenSqlite(c);
        } else {
          loosenPostgres(c);
        }
      }
    }
  }

  @AfterAll
  void cleanUp() {
    offices.values().forEach(DbaOffice::close);
  }

  // ---------------------------------------------------------------- every column

  /** Every tagged table, in both databases. */
  Stream<Arguments> tables() {
    return DATABASES.stream()
        .flatMap(db -> DbaOffice.TAGGED.stream().map(t -> Arguments.of(db, t)));
  }

  /**
   * Every column of the table (from the metadata), one at a time, on one seeded row: each change
   * exits 3 naming the table and the row, and the column is put back before the next; once all are
   * back, the office verifies again (exit 0). On SQLite every change ({@link #changes}); on
   * PostgreSQL, whose columns are typed, another value of the same type (the NULLs and cut blobs
   * are SQLite's, to keep the run short). Every failing column is reported, not only the first.
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("tables")
  void every_change_of_any_column_exits_3_naming_the_table_and_the_row(String db, String table)
      throws SQLException {
    DbaOffice o = offices.get(db);
    Random random = new Random(DbaOffice.SEED + (db + table).hashCode());
    SoftAssertions softly = new SoftAssertions();
    List<String> swept = new ArrayList<>();
    try (Connection c = o.connect()) {
      List<String> key = primaryKey(c, table);
      List<Map<String, Object>> rows = rows(c, table, key);
      Map<String, Object> row = rows.get(random.nextInt(rows.size()));
      Map<String, Object> where = keyOf(row, key);
      for (String column : DbaOffice.columns(c, table)) {
        swept.add(column);
        Object original = row.get(column);
        Map<String, Object> changes =
            changes(declaredType(c, table, column), original, key.contains(column), random);
        if (db.equals("postgres")) {
          changes = Map.of("another value", changes.values().iterator().next());
        }
        for (Map.Entry<String, Object> change : changes.entrySet()) {
          set(c, table, where, column, change.getValue());
          Map<String, Object> changed = new LinkedHashMap<>(where);
          if (changed.containsKey(column)) {
            changed.put(column, change.getValue());
          }
          DbaOffice.Verify v = o.verify();
          set(c, table, changed, column, original);
          String what = db + " " + table + "." + column + " " + change.getKey() + " of " + where;
          softly.assertThat(v.exit()).as(what + ": " + v.all()).isEqualTo(DbaOffice.TAMPERED);
          if (v.exit() == DbaOffice.TAMPERED) {
            assertNamesRow(softly, what, v, table, where, changed);
          }
        }
      }
    }
    assertThat(swept).as("columns from the metadata").hasSizeGreaterThanOrEqualTo(4);
    DbaOffice.Verify restored = o.verify();
    softly.assertThat(restored.exit()).as("the row put back: " + restored.all()).isZero();
    softly.assertAll();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void the_untouched_office_verifies(String db) {
    DbaOffice.Verify v = offices.get(db).verify();
    assertThat(v.exit()).as(v.all()).isZero();
  }

  // ---------------------------------------------------------------- macs, forged and lost rows

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void every_tagged_table_has_a_mac_column(String db) {
    offices.get(db).assertRowsCarryMacs();
  }

  /** The tables with two rows or more, in both databases. */
  Stream<Arguments> tablesOfManyRows() {
    return DATABASES.stream()
        .flatMap(
            db ->
                DbaOffice.TAGGED.stream()
                    .filter(t -> !t.equals("office"))
                    .map(t -> Arguments.of(db, t)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("tablesOfManyRows")
  void a_mac_copied_from_another_row_of_the_same_table_exits_3(String db, String table)
      throws SQLException {
    DbaOffice o = offices.get(db);
    o.assertRowsCarryMacs();
    Random random = new Random(DbaOffice.SEED + table.hashCode());
    try (Connection c = o.connect()) {
      List<String> key = primaryKey(c, table);
      List<Map<String, Object>> rows = rows(c, table, key);
      int a = random.nextInt(rows.size());
      int b = (a + 1 + random.nextInt(rows.size() - 1)) % rows.size();
      Map<String, Object> target = rows.get(b);
      Map<String, Object> where = keyOf(target, key);
      set(c, table, where, "mac", rows.get(a).get("mac"));
      DbaOffice.Verify v = o.verify();
      set(c, table, where, "mac", target.get("mac"));
      assertThat(v.exit()).as(v.all()).isEqualTo(DbaOffice.TAMPERED);
      assertNamesRow(v, table, where, where);
    }
    assertThat(o.verify().exit()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_null_mac_in_any_table_exits_3(String db) throws SQLException {
    DbaOffice o = offices.get(db);
    o.assertRowsCarryMacs();
    Random random = new Random(DbaOffice.SEED);
    try (Connection c = o.connect()) {
      for (String table : DbaOffice.TAGGED) {
        List<String> key = primaryKey(c, table);
        List<Map<String, Object>> rows = rows(c, table, key);
        Map<String, Object> row = rows.get(random.nextInt(rows.size()));
        Map<String, Object> where = keyOf(row, key);
        set(c, table, where, "mac", null);
        DbaOffice.Verify v = o.verify();
        set(c, table, where, "mac", row.get("mac"));
        assertThat(v.exit()).as(table + ": " + v.all()).isEqualTo(DbaOffice.TAMPERED);
        assertNamesRow(v, table, where, where);
      }
    }
    assertThat(o.verify().exit()).isZero();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("tables")
  void a_forged_row_copied_from_a_real_one_with_a_new_key_exits_3(String db, String table)
      throws SQLException {
    DbaOffice o = offices.get(db);
    Random random = new Random(DbaOffice.SEED + table.hashCode());
    try (Connection c = o.connect()) {
      List<String> key = primaryKey(c, table);
      List<Map<String, Object>> rows = rows(c, table, key);
      Map<String, Object> forged = new LinkedHashMap<>(rows.get(random.nextInt(rows.size())));
      switch (table) {
        case "office" -> forged.put("id", 2);
        case "recusal" -> forged.put("account_id", unrecused(c, forged.get("case_id")));
        default -> forged.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
      }
      if (table.equals("account")) {
        forged.put("username", "forged");
      }
      if (table.equals("portal_thread")) {
        forged.put("lookup", "forged" + random.nextInt(1000));
      }
      insert(c, table, forged);
      DbaOffice.Verify v = o.verify();
      delete(c, table, keyOf(forged, key));
      assertThat(v.exit()).as(v.all()).isEqualTo(DbaOffice.TAMPERED);
      Map<String, Object> forgedKey = keyOf(forged, key);
      assertNamesRow(v, table, forgedKey, forgedKey);
    }
    assertThat(o.verify().exit()).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_deleted_recusal_exits_3_naming_its_case(String db) throws SQLException {
    DbaOffice o = offices.get(db);
    Random random = new Random(DbaOffice.SEED);
    try (Connection c = o.connect()) {
      List<String> key = primaryKey(c, "recusal");
      List<Map<String, Object>> rows = rows(c, "recusal", key);
      Map<String, Object> row = rows.get(random.nextInt(rows.size()));
      delete(c, "recusal", keyOf(row, key));
      DbaOffice.Verify v = o.verify();
      insert(c, "recusal", row);
      assertThat(v.exit()).as(v.all()).isEqualTo(DbaOffice.TAMPERED);
      assertThat(v.all())
          .as("names the case whose recusal is gone")
          .containsAnyOf("recusal", "case_file")
          .contains(row.get("case_id").toString());
    }
    assertThat(o.verify().exit()).isZero();
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The output names the table and the row: one of its key's values, as it was or as edited (an
   * edited key is all the checker can see).
   */
  private static void assertNamesRow(
      DbaOffice.Verify v, String table, Map<String, Object> before, Map<String, Object> after) {
    SoftAssertions softly = new SoftAssertions();
    assertNamesRow(softly, table, v, table, before, after);
    softly.assertAll();
  }

  private static void assertNamesRow(
      SoftAssertions softly,
      String what,
      DbaOffice.Verify v,
      String table,
      Map<String, Object> before,
      Map<String, Object> after) {
    softly
        .assertThat(v.all())
        .as(what + ": names the table")
        .contains(table)
        .doesNotContain("Unexpected failure");
    List<String> keys = new ArrayList<>();
    before.values().forEach(k -> keys.add(String.valueOf(k)));
    after.values().forEach(k -> keys.add(String.valueOf(k)));
    softly
        .assertThat(v.all())
        .as(what + ": names the row " + before)
        .containsAnyOf(keys.toArray(String[]::new));
  }

  /**
   * The changes to try: another value of the same type (a flipped bit of a blob, one more for a
   * number, another last character for a text, a value where there was NULL), NULL (not for a key
   * column), and a blob cut in half.
   */
  static Map<String, Object> changes(String type, Object value, boolean inKey, Random random) {
    Map<String, Object> out = new LinkedHashMap<>();
    String t = type.toUpperCase(Locale.ROOT);
    boolean blob = t.contains("BLOB") || t.contains("BYTEA");
    boolean number = t.contains("INT");
    if (value == null) {
      out.put("set where NULL", blob ? new byte[32] : number ? 1L : "x");
      return out;
    }
    if (blob) {
      byte[] b = (byte[]) value;
      if (b.length == 0) {
        out.put("one byte where empty", new byte[] {1});
      } else {
        byte[] flipped = Arrays.copyOf(b, b.length);
        flipped[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        out.put("one bit flipped", flipped);
        if (b.length >= 2) {
          out.put("truncated", Arrays.copyOf(b, b.length / 2));
        }
      }
    } else if (number) {
      out.put("plus one", ((Number) value).longValue() + 1);
    } else {
      String s = value.toString();
      out.put(
          "last character changed",
          s.isEmpty() ? "x" : s.substring(0, s.length() - 1) + (s.endsWith("x") ? "y" : "x"));
    }
    if (!inKey) {
      out.put("NULL", null);
    }
    return out;
  }

  static List<String> primaryKey(Connection c, String table) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<Integer, String> bySeq = new java.util.TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, null, table)) {
      while (rs.next()) {
        bySeq.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    assertThat(bySeq).as("primary key of " + table).isNotEmpty();
    return new ArrayList<>(bySeq.values());
  }

  static String declaredType(Connection c, String table, String column) throws SQLException {
    try (ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        if (rs.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
          return rs.getString("TYPE_NAME");
        }
      }
    }
    throw new AssertionError("no column " + column + " in " + table);
  }

  static List<Map<String, Object>> rows(Connection c, String table, List<String> key)
      throws SQLException {
    List<Map<String, Object>> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT * FROM " + table + " ORDER BY " + String.join(", ", key))) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT), rs.getObject(i));
        }
        out.add(row);
      }
    }
    assertThat(out).as("rows of " + table).isNotEmpty();
    return out;
  }

  static Map<String, Object> keyOf(Map<String, Object> row, List<String> key) {
    Map<String, Object> out = new LinkedHashMap<>();
    key.forEach(k -> out.put(k, row.get(k)));
    return out;
  }

  private static String where(Map<String, Object> key) {
    return String.join(" AND ", key.keySet().stream().map(k -> k + " = ?").toList());
  }

  static void set(Connection c, String table, Map<String, Object> key, String column, Object value)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + where(key))) {
      bind(ps, 1, value);
      int i = 2;
      for (Object k : key.values()) {
        bind(ps, i++, k);
      }
      assertThat(ps.executeUpdate()).as("one row of " + table + " " + key).isEqualTo(1);
    }
  }

  static void insert(Connection c, String table, Map<String, Object> row) throws SQLException {
    String sql =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", row.keySet())
            + ") VALUES ("
            + String.join(", ", row.keySet().stream().map(k -> "?").toList())
            + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      for (Object v : row.values()) {
        bind(ps, i++, v);
      }
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
  }

  static void delete(Connection c, String table, Map<String, Object> key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM " + table + " WHERE " + where(key))) {
      int i = 1;
      for (Object k : key.values()) {
        bind(ps, i++, k);
      }
      assertThat(ps.executeUpdate()).as("one row of " + table + " " + key).isEqualTo(1);
    }
  }

  private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(i, java.sql.Types.NULL);
    } else {
      ps.setObject(i, v);
    }
  }

  /** An account not recused from {@code caseId}. */
  private static String unrecused(Connection c, Object caseId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM account WHERE id NOT IN (SELECT account_id FROM recusal WHERE case_id = ?)"
                + " ORDER BY id")) {
      ps.setObject(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }

  /**
   * SQLite cannot drop a constraint: each tagged table is made again with the same columns, types
   * and primary key, and nothing else, and its rows copied (as AuditTamperingIT does).
   */
  private static void loosenSqlite(Connection c) throws SQLException {
    for (String table : DbaOffice.TAGGED) {
      List<String> defs = new ArrayList<>();
      List<String> names = new ArrayList<>();
      Map<Integer, String> key = new java.util.TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
        while (rs.next()) {
          String name = rs.getString("name");
          names.add(name);
          defs.add(name + " " + Objects.requireNonNullElse(rs.getString("type"), ""));
          if (rs.getInt("pk") > 0) {
            key.put(rs.getInt("pk"), name);
          }
        }
      }
      defs.add("PRIMARY KEY (" + String.join(", ", key.values()) + ")");
      String cols = String.join(", ", names);
      try (Statement s = c.createStatement()) {
        s.executeUpdate("CREATE TABLE loose (" + String.join(", ", defs) + ")");
        s.executeUpdate("INSERT INTO loose (" + cols + ") SELECT " + cols + " FROM " + table);
        s.executeUpdate("DROP TABLE " + table);
        s.executeUpdate("ALTER TABLE loose RENAME TO " + table);
      }
    }
  }

  /** PostgreSQL: NOT NULL, CHECK, UNIQUE and the foreign keys to and from the tables dropped. */
  private static void loosenPostgres(Connection c) throws SQLException {
    String in = "('" + String.join("', '", DbaOffice.TAGGED) + "')";
    List<String[]> constraints = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT rel.relname, con.conname FROM pg_constraint con"
                    + " JOIN pg_class rel ON rel.oid = con.conrelid"
                    + " LEFT JOIN pg_class ref ON ref.oid = con.confrelid"
                    + " WHERE (con.contype IN ('c', 'u', 'f') AND rel.relname IN "
                    + in
                    + ") OR (con.contype = 'f' AND ref.relname IN "
                    + in
                    + ")")) {
      while (rs.next()) {
        constraints.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    try (Statement s = c.createStatement()) {
      for (String[] con : constraints) {
        s.executeUpdate("ALTER TABLE " + con[0] + " DROP CONSTRAINT IF EXISTS " + con[1]);
      }
      for (String table : DbaOffice.TAGGED) {
        List<String> key = primaryKey(c, table);
        for (String column : DbaOffice.columns(c, table)) {
          if (!key.contains(column)) {
            s.executeUpdate("ALTER TABLE " + table + " ALTER COLUMN " + column + " DROP NOT NULL");
          }
        }
      }
    }
  }
}
