package org.ombuds.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;
import org.ombuds.audit.EntryAuthenticator;
import org.ombuds.audit.IntegrityCheck;
import org.ombuds.audit.Verification;
import org.ombuds.common.TamperedRowException;

/**
 * MACs over the rows that the mandate's guarantees rest on, under a key kept outside the database.
 *
 * <p>A row's tag is the authenticator's MAC of a canonical encoding of the table's name and every
 * column, name by name, with the value's type: so an edited value, a value of another type, a NULL,
 * a row made up or a tag copied from another row (whose key differs) all fail. A case file's tag
 * also covers the set of its recusal rows, and an account's the set of its own, so that deleting a
 * recusal row, or putting back an older one, is seen wherever recusals are read.
 *
 * <p>Every read that a decision depends on selects {@link Table#select()} and maps through {@link
 * #checked}; every write runs through {@link #write} (or {@link #writeWhere}), which checks the
 * row's current tag in the same transaction before changing it and tags the result: a legitimate
 * write never launders an edit made behind the application's back.
 *
 * <p>What a tag cannot see: a whole row put back as it was earlier (with its earlier, valid tag),
 * and the deletion of a row that nothing else counts. The README's threat model says so.
 */
public final class RowTags {
  private static final String DOMAIN = "ombuds-row-v1";

  /** The authenticated tables: their key columns and every column the tag covers, in order. */
  @SuppressWarnings("ImmutableEnumChecker") // the lists are List.of, immutable
  public enum Table {
    // First: an edited recusal is named as such, not as a change of the sets that pin it; then the
    // case files before the accounts, so that a deleted recusal is named by its case.
    RECUSAL(
        "recusal",
        "recusal",
        List.of("case_id", "account_id"),
        List.of("case_id", "account_id", "created_at", "inherited_from")),
    OFFICE(
        "office",
        "office",
        List.of("id"),
        List.of(
            "id",
            "created_at",
            "public_keyset",
            "recovery_wrapped",
            "require_totp",
            "grace_days",
            "exception_needs_second",
            "letterhead",
            "anon_high",
            "anon_medium",
            "anon_small_unit",
            "anon_repeated",
            "anon_soon_days",
            "signed_decisions_from")),
    CASE_FILE(
        "case_file",
        "case file",
        List.of("id"),
        List.of(
            "id",
            "wrapped_key",
            "status",
            "opened_at",
            "closed_at",
            "version",
            "handler_id",
            "title_enc",
            "categories_enc",
            "unit_name_enc",
            "unit_size_enc",
            "composition_enc",
            "outcome_enc",
            "destroy_after",
            RECUSALS)),
    ACCOUNT(
        "account",
        "account",
        List.of("id"),
        List.of(
            "id",
            "username",
            "kdf_salt",
            "kdf_memory_kib",
            "kdf_iterations",
            "kdf_parallelism",
            "wrapped_office",
            "totp_secret_enc",
            "language",
            "active",
            "created_at",
            RECUSED)),
    DISCLOSURE(
        "disclosure",
        "disclosure",
        List.of("id"),
        List.of("id", "case_id", "status", "version", "created_at", "released_at", "data_enc")),
    CONSENT(
        "consent",
        "consent",
        List.of("id"),
        List.of(
            "id",
            "disclosure_id",
            "case_id",
            "person_id",
            "version",
            "method",
            "given_at",
            "revoked_at",
            "data_enc")),
    DETERMINATION(
        "determination",
        "determination",
        List.of("id"),
        List.of(
            "id",
            "disclosure_id",
            "case_id",
            "version",
            "author_id",
            "created_at",
            "confirmed_by",
            "data_enc")),
    PORTAL_THREAD(
        "portal_thread",
        "portal thread",
        List.of("id"),
        List.of(
            "id",
            "lookup",
            "hint",
            "verifier",
            "public_keyset",
            "wrapped_private",
            "meta_enc",
            "case_id",
            "person_id",
            "opened_day",
            "activity",
            "unread",
            "decision_key")),
    PORTAL_CONSENT(
        "portal_consent",
        "portal consent request",
        List.of("id"),
        List.of(
            "id",
            "thread_id",
            "disclosure_id",
            "case_id",
            "person_id",
            "version",
            "status",
            "seq",
            "consent_id",
            "visitor_enc",
            "office_enc",
            "decision_sig")),
    OFFICE_CHANGE(
        "office_change",
        "safeguard change",
        List.of("id"),
        List.of(
            "id",
            "kind",
            "requested_by",
            "requested_at",
            "subject",
            "target",
            "settings",
            "status",
            "decided_by",
            "decided_at"));

    private final String sql;
    private final String what;
    private final List<String> keys;
    private final List<String> columns;
    private final String select;

    Table(String sql, String what, List<String> keys, List<String> columns) {
      this.sql = sql;
      this.what = what;
      this.keys = keys;
      this.columns = columns;
      this.select =
          columns.stream().map(c -> expression(sql, c)).collect(Collectors.joining(", ")) + ", mac";
    }

    /** The table's name in SQL. */
    public String sql() {
      return sql;
    }

    /** The table's name in plain words. */
    public String what() {
      return what;
    }

    /** The select list a checked read uses: every covered column, then the tag. */
    public String select() {
      return select;
    }

    List<String> keys() {
      return keys;
    }

    List<String> columns() {
      return columns;
    }

    /** The condition selecting one row by its key, with bind names {@code k0, k1...}. */
    String byKey() {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        parts.add(keys.get(i) + " = :k" + i);
      }
      return String.join(" AND ", parts);
    }
  }

  /**
   * The computed column of a case file's tag: its recusal rows (account, time, inherited from), as
   * a set. Deleting one, adding one, or putting back an older one changes it.
   */
  static final String RECUSALS = "recusals";

  /** The computed column of an account's tag: its recusal rows (case, time, inherited from). */
  static final String RECUSED = "recused";

  private static String expression(String table, String column) {
    return switch (column) {
      case RECUSALS -> recusalSet("r.account_id", "r.case_id = " + table + ".id") + " AS " + column;
      case RECUSED -> recusalSet("r.case_id", "r.account_id = " + table + ".id") + " AS " + column;
      default -> column;
    };
  }

  /**
   * One text listing the recusal rows that {@code where} selects, each as "id:created_at:inherited
   * from", separated by commas, in the database's order (the tag sorts them, see {@link #asSet}).
   * {@code string_agg} runs on PostgreSQL and on SQLite 3.44 and later.
   */
  private static String recusalSet(String id, String where) {
    return "(SELECT string_agg("
        + id
        + " || ':' || r.created_at || ':' || COALESCE(r.inherited_from, ''), ',')"
        + " FROM recusal r WHERE "
        + where
        + ")";
  }

  private static boolean isSet(String column) {
    return column.equals(RECUSALS) || column.equals(RECUSED);
  }

  /** A set column's value in a canonical order: its items sorted (NULL stays NULL). */
  private static Object asSet(Object value) {
    if (!(value instanceof String text)) {
      return value;
    }
    String[] items = text.split(",", -1);
    java.util.Arrays.sort(items);
    return String.join(",", items);
  }

  /**
   * The ids a set column names (its items' first part): the accounts recused from a case, from
   * {@link #RECUSALS}, or the cases an account is recused from, from {@link #RECUSED}. Read it only
   * from a row that {@link #checked} passed.
   */
  public static java.util.Set<String> idsOfSet(String value) {
    if (value == null || value.isEmpty()) {
      return java.util.Set.of();
    }
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String item : value.split(",", -1)) {
      int colon = item.indexOf(':');
      out.add(colon < 0 ? item : item.substring(0, colon));
    }
    return java.util.Set.copyOf(out);
  }

  private final EntryAuthenticator key;

  public RowTags(EntryAuthenticator key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /** A mapper that checks each row's tag before mapping it; throws on a bad row. */
  public <T> RowMapper<T> checked(Table table, RowMapper<T> mapper) {
    return (rs, ctx) -> {
      check(table, rs);
      return mapper.map(rs, ctx);
    };
  }

  /**
   * Checks the current row of {@code rs}, which must hold {@link Table#select()}.
   *
   * @throws TamperedRowException when the row does not match its tag
   */
  public void check(Table table, ResultSet rs) throws SQLException {
    if (!matches(table, rs)) {
      throw new TamperedRowException(table.sql(), keyOf(table, rs));
    }
  }

  /** Whether the current row of {@code rs} (holding {@link Table#select()}) matches its tag. */
  public boolean sound(Table table, ResultSet rs) throws SQLException {
    return matches(table, rs);
  }

  private boolean matches(Table table, ResultSet rs) throws SQLException {
    byte[] mac = rs.getBytes("mac");
    return mac != null && key.verify(encode(table, rs), mac);
  }

  /**
   * Runs a write of the rows of {@code table} with the given key, in one transaction: checks the
   * row's tag first when it exists, runs {@code update}, then tags the row as it now is (nothing
   * when the update deleted it).
   */
  public <T> T write(Database db, Table table, java.util.function.Supplier<T> update, Object... k) {
    if (k.length != table.keys().size()) {
      throw new IllegalArgumentException("the key of " + table.sql() + " has " + table.keys());
    }
    return db.inTransaction(
        () ->
            db.withHandle(
                h -> {
                  requireRow(h, table, lock(db), k);
                  T result = update.get();
                  retag(h, table, k);
                  return result;
                }));
  }

  /**
   * Like {@link #write}, for every row of {@code table} that {@code where} (with its binds) selects
   * before the update; the rows after it are tagged by the same keys.
   */
  public <T> T writeWhere(
      Database db,
      Table table,
      String where,
      Map<String, Object> binds,
      java.util.function.Supplier<T> update) {
    return db.inTransaction(
        () ->
            db.withHandle(
                h -> {
                  Query q =
                      h.createQuery(
                          "SELECT "
                              + table.select()
                              + " FROM "
                              + table.sql()
                              + " WHERE "
                              + where
                              + lock(db));
                  binds.forEach(q::bind);
                  List<Object[]> keys =
                      q.map(
                              (rs, ctx) -> {
                                check(table, rs);
                                Object[] k = new Object[table.keys().size()];
                                for (int i = 0; i < k.length; i++) {
                                  k[i] = rs.getObject(table.keys().get(i));
                                }
                                return k;
                              })
                          .list();
                  T result = update.get();
                  for (Object[] k : keys) {
                    retag(h, table, k);
                  }
                  return result;
                }));
  }

  /**
   * On PostgreSQL, the rows a write checks stay locked until it commits: an update made meanwhile
   * in another session (a DBA's) waits, and then changes a row whose tag no longer matches it,
   * instead of slipping in between the check and the new tag. SQLite runs one writer at a time.
   */
  private static String lock(Database db) {
    return db.isPostgres() ? " FOR UPDATE" : "";
  }

  /** Checks the row with this key, if there is one ({@code lock}: {@link #lock}). */
  void requireRow(Handle h, Table table, String lock, Object... k) {
    Query q =
        h.createQuery(
            "SELECT " + table.select() + " FROM " + table.sql() + " WHERE " + table.byKey() + lock);
    bindKey(q, k);
    q.map(checked(table, (rs, ctx) -> Boolean.TRUE)).findOne();
  }

  /** Tags the row with this key as it is now (nothing when there is none). */
  void retag(Handle h, Table table, Object... k) {
    Query q =
        h.createQuery(
            "SELECT " + table.select() + " FROM " + table.sql() + " WHERE " + table.byKey());
    bindKey(q, k);
    q.map((rs, ctx) -> key.tag(encode(table, rs)))
        .findOne()
        .ifPresent(
            mac -> {
              var u =
                  h.createUpdate(
                      "UPDATE " + table.sql() + " SET mac = :mac WHERE " + table.byKey());
              u.bind("mac", mac);
              for (int i = 0; i < k.length; i++) {
                u.bind("k" + i, k[i]);
              }
              u.execute();
            });
  }

  private static void bindKey(Query q, Object... k) {
    for (int i = 0; i < k.length; i++) {
      q.bind("k" + i, k[i]);
    }
  }

  /**
   * Tags every row that has no tag yet: run once, when an office made by a release before row tags
   * is first opened (and at {@code init}, where there is nothing to tag). Returns how many rows
   * were tagged.
   */
  public long tagUntagged(Handle h) {
    long n = 0;
    for (Table t : Table.values()) {
      List<Object[]> untagged =
          h.createQuery("SELECT " + t.select() + " FROM " + t.sql() + " WHERE mac IS NULL")
              .map(
                  (rs, ctx) -> {
                    Object[] k = new Object[t.keys().size()];
                    for (int i = 0; i < k.length; i++) {
                      k[i] = rs.getObject(t.keys().get(i));
                    }
                    return k;
                  })
              .list();
      for (Object[] k : untagged) {
        retag(h, t, k);
        n++;
      }
    }
    return n;
  }

  /** {@code audit verify}'s check of every authenticated table, row by row. */
  public IntegrityCheck asCheck(Database db) {
    return new IntegrityCheck() {
      @Override
      public String what() {
        return "authenticated rows";
      }

      @Override
      public Verification verify() {
        return db.reading(() -> db.withHandle(RowTags.this::verifyAll));
      }
    };
  }

  private Verification verifyAll(Handle h) {
    long rows = 0;
    for (Table t : Table.values()) {
      String order = String.join(", ", t.keys());
      List<String> bad =
          h.createQuery("SELECT " + t.select() + " FROM " + t.sql() + " ORDER BY " + order)
              .map(
                  (rs, ctx) -> {
                    try {
                      return matches(t, rs) ? "" : keyOf(t, rs);
                    } catch (SQLException | RuntimeException e) {
                      return keyOf(t, rs);
                    }
                  })
              .list();
      for (String k : bad) {
        if (!k.isEmpty()) {
          return new Verification.TamperedRow(
              t.sql(), k, "it does not match its authentication tag (edited, made up or copied)");
        }
      }
      rows += bad.size();
    }
    return new Verification.Intact(rows);
  }

  private static String keyOf(Table table, ResultSet rs) throws SQLException {
    List<String> parts = new ArrayList<>();
    for (String k : table.keys()) {
      Object v = rs.getObject(k);
      parts.add(v == null ? "NULL" : printable(v.toString()));
    }
    return String.join("/", parts);
  }

  /** Keys are ids the application made; an edited one is cut short and stripped of controls. */
  private static String printable(String s) {
    String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
    return cut.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  /** The canonical bytes of the current row: domain, table, then each column's name and value. */
  static byte[] encode(Table table, ResultSet rs) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String c : table.columns()) {
      Object v = rs.getObject(c);
      values.put(c, isSet(c) ? asSet(v) : v);
    }
    return encode(table, values);
  }

  static byte[] encode(Table table, Map<String, Object> values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      text(out, DOMAIN);
      text(out, table.sql());
      for (String c : table.columns()) {
        text(out, c);
        Object v = values.get(c);
        switch (v) {
          case null -> out.writeByte(0);
          case byte[] b -> {
            out.writeByte(1);
            out.writeInt(b.length);
            out.write(b);
          }
          case Integer i -> {
            out.writeByte(2);
            out.writeLong(i);
          }
          case Long l -> {
            out.writeByte(2);
            out.writeLong(l);
          }
          case Short s -> {
            out.writeByte(2);
            out.writeLong(s);
          }
          case String s -> {
            out.writeByte(3);
            text(out, s);
          }
          default -> {
            // Not a type the application writes (a DBA's REAL, say): never equal to what it wrote.
            out.writeByte(4);
            text(out, v.getClass().getName() + ":" + v);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void text(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }
}
