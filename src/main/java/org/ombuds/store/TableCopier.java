package org.ombuds.store;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Copies every table of an office's database, whatever tables the migrations made: to a logical
 * dump (a stream that a backup encrypts) and back, or straight into another database (moving to
 * PostgreSQL). Nothing here knows the tables: they are discovered from the database's metadata,
 * ordered so that a table comes after the tables its foreign keys point to, and copied column by
 * column with the values converted to what the target column takes (integers, reals, decimals,
 * text, bytes, booleans). Flyway's history table is not copied: the schema is made on the target by
 * the migrations, up to the version recorded in the dump.
 *
 * <h2>Dump format (inside the encryption)</h2>
 *
 * <pre>
 * UTF "ombuds-dump v1", UTF schema version, int table count,
 *   per table: UTF name, long row count                    (the manifest)
 * per table: UTF name, int column count, UTF column names,
 *   per row: byte 1, then per value a tag and the value; byte 0 after the last row
 * UTF "end"
 * </pre>
 *
 * Values: tag 0 null, 1 long, 2 double, 3 text (int length, UTF-8), 4 bytes (int length), 5
 * boolean, 6 decimal (as text). The counts are read in the same snapshot as the rows.
 */
public final class TableCopier {
  static final String MAGIC = "ombuds-dump v1";
  static final String HISTORY = "flyway_schema_history";
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  private static final int BATCH = 500;

  private TableCopier() {}

  /** Hears how far a copy is: the rows in all, then each row copied. */
  public interface Progress {
    void total(long rows);

    void advance(long rows);

    /** A progress that says nothing. */
    Progress NONE =
        new Progress() {
          @Override
          public void total(long rows) {}

          @Override
          public void advance(long rows) {}
        };
  }

  /** A table's name and its number of rows. */
  public record TableCount(String table, long rows) {}

  /** What a dump holds: the schema version it was made under and each table's row count. */
  public record Manifest(String schemaVersion, List<TableCount> tables) {
    public Manifest {
      tables = List.copyOf(tables);
    }

    public long totalRows() {
      return tables.stream().mapToLong(TableCount::rows).sum();
    }
  }

  /** Called after each table copied straight into another database (a test hook, or nothing). */
  public interface AfterTable {
    void copied(String table, int tablesDone);
  }

  /**
   * Opens a plain connection (no pool, no migration) to the database, with autocommit off.
   *
   * @throws StoreException if it cannot be opened
   */
  public static Connection connect(DbConfig db) {
    try {
      Properties p = new Properties();
      if (db.vendor() == DbConfig.Vendor.SQLITE) {
        p.setProperty("busy_timeout", "15000");
        p.setProperty("journal_mode", "WAL");
      }
      Connection c = DriverManager.getConnection(db.jdbcUrl(), p);
      c.setAutoCommit(false);
      return c;
    } catch (SQLException e) {
      throw new StoreException(
          "Cannot open the database at "
              + db.redactedUrl()
              + ": "
              + Database.plainCause(e)
              + ". Check that it exists and is reachable.");
    }
  }

  /**
   * Writes a dump of every table to {@code out}, all read in one snapshot: a read-only REPEATABLE
   * READ transaction on PostgreSQL, a read transaction on SQLite (in WAL mode it sees one snapshot
   * and does not block the server's writes).
   */
  public static Manifest dump(DbConfig db, DataOutputStream out, Progress progress)
      throws IOException {
    try (Connection c = connect(db)) {
      if (db.vendor() == DbConfig.Vendor.POSTGRES) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
      }
      try {
        Manifest manifest = manifest(c);
        progress.total(manifest.totalRows());
        out.writeUTF(MAGIC);
        out.writeUTF(manifest.schemaVersion());
        out.writeInt(manifest.tables().size());
        for (TableCount t : manifest.tables()) {
          out.writeUTF(t.table());
          out.writeLong(t.rows());
        }
        for (TableCount t : manifest.tables()) {
          dumpTable(c, t, out, progress);
        }
        out.writeUTF("end");
        return manifest;
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot read the database: " + Database.plainCause(e));
    }
  }

  /** The schema version and every table's row count, read in the connection's transaction. */
  static Manifest manifest(Connection c) throws SQLException {
    String version = schemaVersion(c);
    List<TableCount> counts = new ArrayList<>();
    for (String t : tables(c)) {
      counts.add(new TableCount(t, count(c, t)));
    }
    return new Manifest(version, counts);
  }

  /** The version of the last migration applied, from Flyway's history. */
  static String schemaVersion(Connection c) throws SQLException {
    String version = null;
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, success FROM "
                    + HISTORY
                    + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
      while (rs.next()) {
        if (rs.getBoolean(2)) {
          version = rs.getString(1);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("This database holds no ombuds office (no schema history).");
    }
    if (version == null) {
      throw new StoreException("This database holds no ombuds office (no schema history).");
    }
    return version;
  }

  static long count(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * The office's tables (not Flyway's, not the database's own), each after the tables its foreign
   * keys point to; ties in name order.
   */
  static List<String> tables(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String schema = c.getSchema();
    Set<String> names = new TreeSet<>();
    Map<String, String> declared = new HashMap<>();
    try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME");
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals(HISTORY) || lower.startsWith("sqlite_")) {
          continue;
        }
        if (!NAME.matcher(name).matches()) {
          throw new StoreException("A table has a name the copier does not handle.");
        }
        names.add(lower);
        declared.put(lower, name);
      }
    }
    Map<String, Set<String>> dependsOn = new TreeMap<>();
    for (String t : names) {
      Set<String> deps = new TreeSet<>();
      try (ResultSet rs = md.getImportedKeys(null, schema, declared.get(t))) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!parent.equals(t) && names.contains(parent)) {
            deps.add(parent);
          }
        }
      }
      dependsOn.put(t, deps);
    }
    List<String> ordered = new ArrayList<>();
    Set<String> done = new TreeSet<>();
    while (ordered.size() < names.size()) {
      boolean progressed = false;
      for (String t : names) {
        if (!done.contains(t) && done.containsAll(dependsOn.get(t))) {
          ordered.add(t);
          done.add(t);
          progressed = true;
        }
      }
      if (!progressed) {
        throw new StoreException("The tables' foreign keys form a cycle; they cannot be copied.");
      }
    }
    return ordered;
  }

  static String quote(String table) {
    if (!NAME.matcher(table).matches()) {
      throw new StoreException("A table or column has a name the copier does not handle.");
    }
    return "\"" + table.toLowerCase(Locale.ROOT) + "\"";
  }

  private static void dumpTable(Connection c, TableCount t, DataOutputStream out, Progress p)
      throws SQLException, IOException {
    try (Statement s = c.createStatement()) {
      s.setFetchSize(BATCH);
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + quote(t.table()))) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        out.writeUTF(t.table());
        out.writeInt(n);
        for (int i = 1; i <= n; i++) {
          out.writeUTF(md.getColumnName(i).toLowerCase(Locale.ROOT));
        }
        long rows = 0;
        while (rs.next()) {
          out.writeByte(1);
          for (int i = 1; i <= n; i++) {
            writeValue(out, read(rs, i, t.table()));
          }
          rows++;
          p.advance(1);
        }
        out.writeByte(0);
        if (rows != t.rows()) {
          throw new StoreException(
              "Table " + t.table() + " changed while being read; the snapshot is not consistent.");
        }
      }
    }
  }

  /** A column's value as one of the copier's types: Long, Double, BigDecimal, String, byte[]... */
  static Object read(ResultSet rs, int i, String table) throws SQLException {
    Object v = rs.getObject(i);
    return switch (v) {
      case null -> null;
      case Boolean b -> b;
      case Long l -> l;
      case Integer n -> n.longValue();
      case Short n -> n.longValue();
      case Byte n -> n.longValue();
      case Double d -> d;
      case Float f -> f.doubleValue();
      case BigDecimal d -> d;
      case String s -> s;
      case byte[] b -> b;
      default ->
          throw new StoreException(
              "Table "
                  + table
                  + " has a column of a type the copier does not handle ("
                  + v.getClass().getSimpleName()
                  + ").");
    };
  }

  static void writeValue(DataOutputStream out, Object v) throws IOException {
    switch (v) {
      case null -> out.writeByte(0);
      case Long l -> {
        out.writeByte(1);
        out.writeLong(l);
      }
      case Double d -> {
        out.writeByte(2);
        out.writeDouble(d);
      }
      case String s -> {
        out.writeByte(3);
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
      }
      case byte[] b -> {
        out.writeByte(4);
        out.writeInt(b.length);
        out.write(b);
      }
      case Boolean b -> {
        out.writeByte(5);
        out.writeBoolean(b);
      }
      case BigDecimal d -> {
        out.writeByte(6);
        out.writeUTF(d.toString());
      }
      default -> throw new IllegalArgumentException("not a copier value");
    }
  }

  static Object readValue(DataInputStream in) throws IOException {
    int tag = in.readUnsignedByte();
    return switch (tag) {
      case 0 -> null;
      case 1 -> in.readLong();
      case 2 -> in.readDouble();
      case 3 -> new String(readBytes(in), StandardCharsets.UTF_8);
      case 4 -> readBytes(in);
      case 5 -> in.readBoolean();
      case 6 -> new BigDecimal(in.readUTF());
      default -> throw malformed();
    };
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (256 << 20)) {
      throw malformed();
    }
    return in.readNBytes(n);
  }

  private static StoreException malformed() {
    return new StoreException("The dump is malformed.");
  }

  /** Reads a dump's manifest: the first part of the stream. */
  public static Manifest readManifest(DataInputStream in) throws IOException {
    if (!MAGIC.equals(in.readUTF())) {
      throw malformed();
    }
    String version = in.readUTF();
    int n = in.readInt();
    if (n < 0 || n > 10_000) {
      throw malformed();
    }
    List<TableCount> tables = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      long rows = in.readLong();
      if (!NAME.matcher(name).matches() || rows < 0) {
        throw malformed();
      }
      tables.add(new TableCount(name, rows));
    }
    return new Manifest(version, tables);
  }

  /**
   * Loads the rows of a dump (after its manifest) into {@code target}, whose schema is at the
   * dump's version and whose tables are empty, within the connection's transaction (not committed
   * here). Each table's rows are counted against the manifest.
   *
   * @throws StoreException if the dump does not match the target's schema or its manifest
   */
  public static void load(
      DataInputStream in, Manifest manifest, Connection target, Progress progress)
      throws IOException {
    try {
      progress.total(manifest.totalRows());
      for (TableCount t : manifest.tables()) {
        if (!t.table().equals(in.readUTF())) {
          throw malformed();
        }
        int n = in.readInt();
        if (n < 1 || n > 1000) {
          throw malformed();
        }
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          columns.add(in.readUTF());
        }
        Map<String, Integer> types = columnTypes(target, t.table());
        try (PreparedStatement ps = target.prepareStatement(insert(t.table(), columns, types))) {
          int[] colTypes = columns.stream().mapToInt(types::get).toArray();
          long rows = 0;
          while (true) {
            int marker = in.readUnsignedByte();
            if (marker == 0) {
              break;
            }
            if (marker != 1) {
              throw malformed();
            }
            for (int i = 0; i < n; i++) {
              bind(ps, i + 1, readValue(in), colTypes[i]);
            }
            ps.addBatch();
            rows++;
            if (rows % BATCH == 0) {
              ps.executeBatch();
              progress.advance(BATCH);
            }
          }
          ps.executeBatch();
          progress.advance(rows % BATCH);
          if (rows != t.rows()) {
            throw new StoreException(
                "Table "
                    + t.table()
                    + " holds "
                    + rows
                    + " rows in the dump but its manifest says "
                    + t.rows()
                    + ".");
          }
        }
      }
      if (!"end".equals(in.readUTF())) {
        throw malformed();
      }
    } catch (SQLException e) {
      throw new StoreException("Cannot load the dump: " + Database.plainCause(e));
    }
  }

  /** Every table's row count in {@code c}, compared with the manifest; empty when they match. */
  public static Optional<String> compareCounts(Connection c, Manifest manifest) {
    try {
      for (TableCount t : manifest.tables()) {
        long n = count(c, t.table());
        if (n != t.rows()) {
          return Optional.of(
              "table " + t.table() + " has " + n + " rows where " + t.rows() + " were expected");
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new StoreException("Cannot count the rows: " + Database.plainCause(e));
    }
  }

  /**
   * The hash of the last audit entry as hex, or empty text when the log is empty: with equal row
   * counts, tells a completed copy of this office from another office.
   */
  public static String lastAuditHash(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
      return rs.next() ? java.util.HexFormat.of().formatHex(rs.getBytes(1)) : "";
    } catch (SQLException e) {
      throw new StoreException("Cannot read the audit log: " + Database.plainCause(e));
    }
  }

  /** The manifest of a live database (for checking a copy). */
  public static Manifest manifestOf(Connection c) {
    try {
      return manifest(c);
    } catch (SQLException e) {
      throw new StoreException("Cannot read the database: " + Database.plainCause(e));
    }
  }

  /**
   * Copies every table of {@code source} into {@code target} in ONE transaction of the target:
   * first empties the target's tables (a previous, unfinished copy leaves none behind anyway; rows
   * that migrations seeded are replaced by the source's), then copies table by table, then commits.
   * An interruption anywhere before the commit leaves the target as it was.
   *
   * @return the source's manifest (read in the same snapshot as the rows)
   */
  public static Manifest copy(
      Connection source, Connection target, Progress progress, AfterTable afterTable) {
    try {
      Manifest manifest = manifest(source);
      List<String> targetTables = tables(target);
      for (TableCount t : manifest.tables()) {
        if (!targetTables.contains(t.table())) {
          throw new StoreException(
              "The target database has no table " + t.table() + ": its schema is older.");
        }
      }
      progress.total(manifest.totalRows());
      try (Statement s = target.createStatement()) {
        for (int i = targetTables.size() - 1; i >= 0; i--) {
          s.executeUpdate("DELETE FROM " + quote(targetTables.get(i)));
        }
      }
      int done = 0;
      for (TableCount t : manifest.tables()) {
        copyTable(source, target, t, progress);
        done++;
        afterTable.copied(t.table(), done);
      }
      target.commit();
      return manifest;
    } catch (SQLException e) {
      throw new StoreException("The copy failed: " + Database.plainCause(e));
    }
  }

  private static void copyTable(Connection source, Connection target, TableCount t, Progress p)
      throws SQLException {
    try (Statement s = source.createStatement()) {
      s.setFetchSize(BATCH);
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + quote(t.table()))) {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          columns.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> types = columnTypes(target, t.table());
        try (PreparedStatement ps = target.prepareStatement(insert(t.table(), columns, types))) {
          int[] colTypes = columns.stream().mapToInt(types::get).toArray();
          long rows = 0;
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              bind(ps, i, read(rs, i, t.table()), colTypes[i - 1]);
            }
            ps.addBatch();
            rows++;
            if (rows % BATCH == 0) {
              ps.executeBatch();
              p.advance(BATCH);
            }
          }
          ps.executeBatch();
          p.advance(rows % BATCH);
          if (rows != t.rows()) {
            throw new StoreException(
                "Table " + t.table() + " changed during the copy: stop the server and run again.");
          }
        }
      }
    }
  }

  private static Map<String, Integer> columnTypes(Connection c, String table) throws SQLException {
    Map<String, Integer> types = new LinkedHashMap<>();
    DatabaseMetaData md = c.getMetaData();
    for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
      try (ResultSet rs = md.getColumns(null, c.getSchema(), name, "%")) {
        while (rs.next()) {
          types.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
        }
      }
      if (!types.isEmpty()) {
        break;
      }
    }
    if (types.isEmpty()) {
      throw new StoreException("The target database has no table " + table + ".");
    }
    return types;
  }

  private static String insert(String table, List<String> columns, Map<String, Integer> types) {
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(table)).append(" (");
    StringBuilder marks = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String col = columns.get(i);
      if (!types.containsKey(col)) {
        throw new StoreException(
            "The target table " + table + " has no column " + col + ": its schema differs.");
      }
      sql.append(i == 0 ? "" : ", ").append(quote(col));
      marks.append(i == 0 ? "?" : ", ?");
    }
    return sql.append(") VALUES (").append(marks).append(')').toString();
  }

  static void bind(PreparedStatement ps, int i, Object v, int targetType) throws SQLException {
    boolean booleanColumn = targetType == Types.BOOLEAN || targetType == Types.BIT;
    switch (v) {
      case null -> ps.setNull(i, targetType);
      case Boolean b -> {
        if (booleanColumn) {
          ps.setBoolean(i, b);
        } else {
          ps.setLong(i, b ? 1 : 0);
        }
      }
      case Long l -> {
        if (booleanColumn) {
          ps.setBoolean(i, l != 0);
        } else {
          ps.setLong(i, l);
        }
      }
      case Double d -> ps.setDouble(i, d);
      case BigDecimal d -> ps.setBigDecimal(i, d);
      case String s -> ps.setString(i, s);
      case byte[] b -> ps.setBytes(i, b);
      default -> throw new IllegalArgumentException("not a copier value");
    }
  }
}
