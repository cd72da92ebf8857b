package org.ombuds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic copier on tables it has never heard of: found from the schema, put in foreign-key
 * order, every value type carried over, and a dump whose rows disagree with its manifest refused.
 */
class TableCopierTest {
  @TempDir Path tmp;

  private static final String SCHEMA =
      """
      CREATE TABLE flyway_schema_history (installed_rank INTEGER, version VARCHAR(50),
        success BOOLEAN);
      INSERT INTO flyway_schema_history VALUES (1, '1', 1), (2, '7', 1), (3, '8', 0);
      CREATE TABLE a_child (id INTEGER PRIMARY KEY,
        parent_id INTEGER NOT NULL REFERENCES z_parent (id), note TEXT);
      CREATE TABLE m_grandchild (id INTEGER PRIMARY KEY,
        child_id INTEGER REFERENCES a_child (id));
      CREATE TABLE z_parent (id INTEGER PRIMARY KEY, name VARCHAR(20), big BIGINT, ratio REAL,
        flag BOOLEAN, data BLOB, empty TEXT);
      CREATE TABLE "order" (id INTEGER PRIMARY KEY);
      """;

  private DbConfig database(String name, boolean rows) throws SQLException {
    DbConfig db = DbConfig.fromUrl("jdbc:sqlite:" + tmp.resolve(name));
    try (Connection c = TableCopier.connect(db);
        Statement s = c.createStatement()) {
      for (String sql : SCHEMA.split(";")) {
        if (!sql.isBlank()) {
          s.executeUpdate(sql);
        }
      }
      if (rows) {
        s.executeUpdate(
            "INSERT INTO z_parent VALUES (1, 'Zoë ✓', 9007199254740993, 0.25, 1, X'00FF10', NULL)");
        s.executeUpdate("INSERT INTO z_parent VALUES (2, '', -1, -3.5e10, 0, X'', NULL)");
        s.executeUpdate("INSERT INTO a_child VALUES (10, 1, 'x'), (11, 2, NULL)");
        s.executeUpdate("INSERT INTO m_grandchild VALUES (100, 10), (101, NULL)");
        s.executeUpdate("INSERT INTO \"order\" VALUES (5)");
      }
      c.commit();
    }
    return db;
  }

  private static List<String> rows(DbConfig db, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = TableCopier.connect(db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT * FROM " + TableCopier.quote(table) + " ORDER BY 1")) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          b.append(v instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : v).append('|');
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  @Test
  void tables_are_found_from_the_schema_parents_first_without_flyway_history() throws SQLException {
    DbConfig db = database("a.db", false);
    try (Connection c = TableCopier.connect(db)) {
      assertThat(TableCopier.tables(c))
          .containsExactly("order", "z_parent", "a_child", "m_grandchild");
      assertThat(TableCopier.schemaVersion(c)).as("last successful").isEqualTo("7");
    }
  }

  private byte[] dump(DbConfig db) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      TableCopier.dump(db, out, TableCopier.Progress.NONE);
    }
    return bytes.toByteArray();
  }

  private void load(byte[] dump, DbConfig target) throws IOException, SQLException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(dump));
    TableCopier.Manifest m = TableCopier.readManifest(in);
    try (Connection c = TableCopier.connect(target)) {
      TableCopier.load(in, m, c, TableCopier.Progress.NONE);
      c.commit();
    }
  }

  @Test
  void a_dump_loads_back_with_every_value_unchanged() throws Exception {
    DbConfig source = database("source.db", true);
    DbConfig target = database("target.db", false);
    load(dump(source), target);
    for (String t : List.of("z_parent", "a_child", "m_grandchild", "order")) {
      assertThat(rows(target, t)).as(t).isEqualTo(rows(source, t)).isNotEmpty();
    }
    assertThat(rows(target, "z_parent").get(0)).contains("9007199254740993").contains("00ff10");
  }

  @Test
  void a_direct_copy_equals_the_source_and_replaces_what_the_target_held() throws Exception {
    DbConfig source = database("source.db", true);
    DbConfig target = database("target.db", false);
    try (Connection c = TableCopier.connect(target);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO \"order\" VALUES (99)");
      c.commit();
    }
    List<String> copied = new ArrayList<>();
    try (Connection from = TableCopier.connect(source);
        Connection to = TableCopier.connect(target)) {
      TableCopier.copy(from, to, TableCopier.Progress.NONE, (t, n) -> copied.add(t));
    }
    assertThat(copied).containsExactly("order", "z_parent", "a_child", "m_grandchild");
    assertThat(rows(target, "order")).isEqualTo(rows(source, "order"));
    assertThat(rows(target, "m_grandchild")).isEqualTo(rows(source, "m_grandchild"));
  }

  @Test
  void a_failure_half_way_through_a_direct_copy_leaves_the_target_untouched() throws Exception {
    DbConfig source = database("source.db", true);
    DbConfig target = database("target.db", false);
    try (Connection from = TableCopier.connect(source);
        Connection to = TableCopier.connect(target)) {
      assertThatThrownBy(
              () ->
                  TableCopier.copy(
                      from,
                      to,
                      TableCopier.Progress.NONE,
                      (t, n) -> {
                        if (n == 2) {
                          throw new IllegalStateException("stop");
                        }
                      }))
          .hasMessage("stop");
    }
    assertThat(rows(target, "z_parent")).isEmpty();
    assertThat(rows(target, "order")).isEmpty();
  }

  @Test
  void a_dump_whose_rows_disagree_with_its_manifest_is_refused() throws Exception {
    DbConfig source = database("source.db", true);
    byte[] good = dump(source);
    // Rewrite the manifest's count of the first table ("order", 1 row) to 2.
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(good));
    in.readUTF();
    in.readUTF();
    in.readInt();
    in.readUTF();
    int countAt = good.length - in.available();
    byte[] bad = good.clone();
    bad[countAt + 7] = 2;
    DbConfig target = database("target.db", false);
    assertThatThrownBy(() -> load(bad, target))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("manifest says 2");
  }

  @Test
  void counts_are_compared_table_by_table() throws Exception {
    DbConfig source = database("source.db", true);
    DbConfig empty = database("empty.db", false);
    try (Connection s = TableCopier.connect(source);
        Connection e = TableCopier.connect(empty)) {
      TableCopier.Manifest m = TableCopier.manifestOf(s);
      assertThat(TableCopier.compareCounts(s, m)).isEmpty();
      assertThat(TableCopier.compareCounts(e, m)).get().asString().contains("order");
    }
  }
}
