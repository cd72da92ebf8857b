package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.casefile.CaseStore;
import org.ombuds.common.Ids;
import org.ombuds.store.RowTags.Table;

/** Cases and everything hanging off them, in SQL, as ciphertexts. */
public final class JdbiCaseStore implements CaseStore {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(JdbiCaseStore.class);

  private static final String CASE_COLUMNS =
      "id, wrapped_key, status, opened_at, closed_at, version, handler_id, title_enc,"
          + " categories_enc, unit_name_enc, unit_size_enc, composition_enc, outcome_enc,"
          + " destroy_after";

  private final Database db;

  public JdbiCaseStore(Database db) {
    this.db = db;
  }

  private static String table(Child child) {
    return switch (child) {
      case PERSON -> "person";
      case CONTACT -> "contact";
      case OPTION -> "case_option";
      case REMINDER -> "reminder";
    };
  }

  @Override
  public void insertCase(CaseRow r) {
    db.tags()
        .write(
            db,
            Table.CASE_FILE,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "INSERT INTO case_file ("
                                    + CASE_COLUMNS
                                    + ") VALUES (:id, :key, :status, :opened, :closed, :version, :handler,"
                                    + " :title, :cats, :unit, :size, :composition, :outcome, :destroy)")
                            .bind("id", r.id())
                            .bind("key", r.wrappedKey())
                            .bind("status", r.status())
                            .bind("opened", r.openedAt().toEpochMilli())
                            .bind("closed", r.closedAt().map(Instant::toEpochMilli).orElse(null))
                            .bind("version", r.version())
                            .bind("handler", r.handlerId())
                            .bind("title", r.title())
                            .bind("cats", r.categories())
                            .bind("unit", r.unitName())
                            .bind("size", r.unitSize())
                            .bind("composition", r.composition().orElse(null))
                            .bind("outcome", r.outcome().orElse(null))
                            .bind(
                                "destroy", r.destroyAfter().map(Instant::toEpochMilli).orElse(null))
                            .execute()),
            r.id());
  }

  @Override
  public boolean updateCase(CaseRow r, int expectedVersion) {
    return db.tags()
        .write(
            db,
            Table.CASE_FILE,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                    "UPDATE case_file SET status = :status, closed_at = :closed, version = :version,"
                                        + " handler_id = :handler, title_enc = :title, categories_enc = :cats,"
                                        + " unit_name_enc = :unit, unit_size_enc = :size, composition_enc ="
                                        + " :composition, outcome_enc = :outcome, destroy_after = :destroy"
                                        + " WHERE id = :id AND version = :expected")
                                .bind("id", r.id())
                                .bind("expected", expectedVersion)
                                .bind("status", r.status())
                                .bind(
                                    "closed", r.closedAt().map(Instant::toEpochMilli).orElse(null))
                                .bind("version", expectedVersion + 1)
                                .bind("handler", r.handlerId())
                                .bind("title", r.title())
                                .bind("cats", r.categories())
                                .bind("unit", r.unitName())
                                .bind("size", r.unitSize())
                                .bind("composition", r.composition().orElse(null))
                                .bind("outcome", r.outcome().orElse(null))
                                .bind(
                                    "destroy",
                                    r.destroyAfter().map(Instant::toEpochMilli).orElse(null))
                                .execute()
                            == 1),
            r.id());
  }

  @Override
  public Optional<CaseRow> findCase(String id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + Table.CASE_FILE.select() + " FROM case_file WHERE id = :id")
                .bind("id", id)
                .map(db.tags().checked(Table.CASE_FILE, JdbiCaseStore::caseRow))
                .findOne());
  }

  @Override
  public Optional<RowAndRecusals> findCaseWithRecusals(String id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + Table.CASE_FILE.select() + " FROM case_file WHERE id = :id")
                .bind("id", id)
                .map(
                    db.tags()
                        .checked(
                            Table.CASE_FILE,
                            (rs, ctx) ->
                                new RowAndRecusals(
                                    caseRow(rs, ctx),
                                    RowTags.idsOfSet(rs.getString(RowTags.RECUSALS)))))
                .findOne());
  }

  @Override
  public List<CaseRow> listCases() {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.CASE_FILE.select()
                        + " FROM case_file ORDER BY opened_at DESC")
                .map(db.tags().checked(Table.CASE_FILE, JdbiCaseStore::caseRow))
                .list());
  }

  @Override
  public CaseList caseList() {
    List<CaseRow> sound = new ArrayList<>();
    List<String> tampered = new ArrayList<>();
    db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.CASE_FILE.select()
                        + " FROM case_file ORDER BY opened_at DESC")
                .map(
                    (rs, ctx) -> {
                      if (db.tags().sound(Table.CASE_FILE, rs)) {
                        sound.add(caseRow(rs, ctx));
                      } else {
                        tampered.add(rs.getString("id"));
                      }
                      return Boolean.TRUE;
                    })
                .list());
    return new CaseList(sound, tampered);
  }

  @Override
  public void insertNote(NoteRow n) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO note (id, case_id, created_at, author_id, body_enc)"
                        + " VALUES (:id, :case, :created, :author, :body)")
                .bind("id", n.id())
                .bind("case", n.caseId())
                .bind("created", n.createdAt().toEpochMilli())
                .bind("author", n.authorId())
                .bind("body", n.body())
                .execute());
  }

  @Override
  public List<NoteRow> notes(String caseId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, case_id, created_at, author_id, body_enc FROM note"
                        + " WHERE case_id = :case ORDER BY created_at, id")
                .bind("case", caseId)
                .map(
                    (rs, ctx) ->
                        new NoteRow(
                            rs.getString(1),
                            rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4),
                            rs.getBytes(5)))
                .list());
  }

  @Override
  public void insertChild(Child child, ChildRow r) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO "
                        + table(child)
                        + " (id, case_id, created_at, data_enc) VALUES (:id, :case, :created, :data)")
                .bind("id", r.id())
                .bind("case", r.caseId())
                .bind("created", r.createdAt().toEpochMilli())
                .bind("data", r.data())
                .execute());
  }

  @Override
  public boolean updateChild(Child child, String caseId, String id, byte[] data) {
    return db.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE "
                            + table(child)
                            + " SET data_enc = :data WHERE id = :id AND case_id = :case")
                    .bind("id", id)
                    .bind("case", caseId)
                    .bind("data", data)
                    .execute()
                == 1);
  }

  @Override
  public List<ChildRow> children(Child child, String caseId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, case_id, created_at, data_enc FROM "
                        + table(child)
                        + " WHERE case_id = :case ORDER BY created_at, id")
                .bind("case", caseId)
                .map(JdbiCaseStore::childRow)
                .list());
  }

  @Override
  public List<ChildRow> allChildren(Child child) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, case_id, created_at, data_enc FROM "
                        + table(child)
                        + " ORDER BY created_at, id")
                .map(JdbiCaseStore::childRow)
                .list());
  }

  @Override
  public void insertRecusal(String caseId, String accountId, Instant at) {
    addRecusal(caseId, accountId, at, null);
  }

  /**
   * Adds a recusal row and tags it; the tags of its case file and of its account, which cover their
   * sets of recusals, are checked before and renewed after, in the same transaction.
   */
  private void addRecusal(String caseId, String accountId, Instant at, String inheritedFrom) {
    db.tags()
        .write(
            db,
            Table.ACCOUNT,
            () ->
                db.tags()
                    .write(
                        db,
                        Table.CASE_FILE,
                        () ->
                            db.tags()
                                .write(
                                    db,
                                    Table.RECUSAL,
                                    () -> insertRecusalRow(caseId, accountId, at, inheritedFrom),
                                    caseId,
                                    accountId),
                        caseId),
            accountId);
  }

  private int insertRecusalRow(String caseId, String accountId, Instant at, String inheritedFrom) {
    return db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO recusal (case_id, account_id, created_at, inherited_from)"
                        + " VALUES (:c, :a, :t, :f)")
                .bind("c", caseId)
                .bind("a", accountId)
                .bind("t", at.toEpochMilli())
                .bind("f", inheritedFrom)
                .execute());
  }

  /**
   * The cases an account is recused from, as its tagged row lists them: a recusal row deleted, or
   * an older one put back, fails the account's tag instead of lifting the recusal.
   */
  @Override
  public Set<String> recusedCases(String accountId) {
    return recusalSet(Table.ACCOUNT, "account", accountId, RowTags.RECUSED);
  }

  /** The accounts recused from a case, as its tagged row lists them. */
  @Override
  public Set<String> recusedAccounts(String caseId) {
    return recusalSet(Table.CASE_FILE, "case_file", caseId, RowTags.RECUSALS);
  }

  private Set<String> recusalSet(Table table, String sql, String id, String column) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + table.select() + " FROM " + sql + " WHERE id = :id")
                .bind("id", id)
                .map(db.tags().checked(table, (rs, ctx) -> RowTags.idsOfSet(rs.getString(column))))
                .findOne()
                .orElse(Set.of()));
  }

  @Override
  public int reassignCases(String fromAccount, String toAccount) {
    String which =
        "handler_id = :from AND id NOT IN (SELECT case_id FROM recusal WHERE account_id = :to)";
    return db.tags()
        .writeWhere(
            db,
            Table.CASE_FILE,
            which,
            Map.of("from", fromAccount, "to", toAccount),
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "UPDATE case_file SET handler_id = :to, version = version + 1 WHERE "
                                    + which)
                            .bind("from", fromAccount)
                            .bind("to", toAccount)
                            .execute()));
  }

  @Override
  public void insertInheritedRecusal(
      String caseId, String accountId, String fromAccount, Instant at) {
    addRecusal(caseId, accountId, at, fromAccount);
  }

  @Override
  public int deleteInheritedRecusals(String accountId) {
    String inherited = "account_id = :a AND inherited_from IS NOT NULL";
    Map<String, Object> binds = Map.of("a", accountId);
    return db.tags()
        .write(
            db,
            Table.ACCOUNT,
            () ->
                db.tags()
                    .writeWhere(
                        db,
                        Table.CASE_FILE,
                        "id IN (SELECT case_id FROM recusal WHERE " + inherited + ")",
                        binds,
                        () ->
                            db.tags()
                                .writeWhere(
                                    db,
                                    Table.RECUSAL,
                                    inherited,
                                    binds,
                                    () ->
                                        db.withHandle(
                                            h ->
                                                h.createUpdate(
                                                        "DELETE FROM recusal WHERE " + inherited)
                                                    .bind("a", accountId)
                                                    .execute()))),
            accountId);
  }

  @Override
  public Due dueForDestruction(Instant now) {
    // Every case file, not only those whose status and date say they are due: those columns are
    // what a DBA would edit to keep a case from being destroyed, so they are read only once the
    // row's tag has vouched for them.
    CaseList all = caseList();
    List<String> due =
        all.sound().stream()
            .filter(r -> "CLOSED".equals(r.status()))
            .filter(r -> r.destroyAfter().map(at -> !at.isAfter(now)).orElse(false))
            .map(CaseRow::id)
            .toList();
    for (String id : all.tampered()) {
      // Identifiers only: the table and the case's id (when it still is one), never a column.
      LOG.error(
          "A case_file row ({}) does not match its authentication tag: it is not destroyed, nor"
              + " shown, until the database is restored",
          Ids.isId(id) ? id : "with an edited id");
    }
    return new Due(due, all.tampered());
  }

  @Override
  public void destroyCase(String caseId) {
    // The case row is checked again in this transaction (the sweep read it earlier), and the
    // accounts recused from it are retagged: their sets of recusals lose this case.
    db.tags()
        .writeWhere(
            db,
            Table.ACCOUNT,
            "id IN (SELECT account_id FROM recusal WHERE case_id = :c)",
            Map.of("c", caseId),
            () ->
                db.tags()
                    .write(
                        db,
                        Table.CASE_FILE,
                        () ->
                            db.withHandle(
                                h -> {
                                  for (String t :
                                      List.of(
                                          "note",
                                          "person",
                                          "contact",
                                          "case_option",
                                          "reminder",
                                          "recusal")) {
                                    h.createUpdate("DELETE FROM " + t + " WHERE case_id = :c")
                                        .bind("c", caseId)
                                        .execute();
                                  }
                                  // the portal thread outlives the case
                                  JdbiPortalStore.detachCase(db, h, caseId);
                                  h.createUpdate("DELETE FROM case_file WHERE id = :c")
                                      .bind("c", caseId)
                                      .execute();
                                  return null;
                                }),
                        caseId));
  }

  @Override
  public void insertStatRecord(String id, byte[] data) {
    db.withHandle(
        h ->
            h.createUpdate("INSERT INTO stat_record (id, data_enc) VALUES (:id, :data)")
                .bind("id", id)
                .bind("data", data)
                .execute());
  }

  @Override
  public List<byte[]> statRecords() {
    return db.withHandle(
        h -> h.createQuery("SELECT data_enc FROM stat_record").mapTo(byte[].class).list());
  }

  private static ChildRow childRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ChildRow(
        rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getBytes(4));
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }

  private static CaseRow caseRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new CaseRow(
        rs.getString("id"),
        rs.getBytes("wrapped_key"),
        rs.getString("status"),
        Instant.ofEpochMilli(rs.getLong("opened_at")),
        instant(rs, "closed_at"),
        rs.getInt("version"),
        Optional.ofNullable(rs.getString("handler_id")).orElse(""),
        rs.getBytes("title_enc"),
        rs.getBytes("categories_enc"),
        rs.getBytes("unit_name_enc"),
        rs.getBytes("unit_size_enc"),
        Optional.ofNullable(rs.getBytes("composition_enc")),
        Optional.ofNullable(rs.getBytes("outcome_enc")),
        instant(rs, "destroy_after"));
  }

  @Override
  public void compact() {
    db.withHandle(
        (Handle h) -> {
          if (!db.isPostgres()) {
            h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().list();
          }
          return null;
        });
  }
}
