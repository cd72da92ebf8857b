package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.casefile.CaseStore;

/** Cases and notes in SQL, as ciphertexts. */
public final class JdbiCaseStore implements CaseStore {
  private static final String CASE_COLUMNS =
      "id, wrapped_key, status, opened_at, closed_at, version, title_enc, categories_enc,"
          + " unit_name_enc, unit_size_enc";

  private final Database db;

  public JdbiCaseStore(Database db) {
    this.db = db;
  }

  @Override
  public void insertCase(CaseRow r) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO case_file ("
                        + CASE_COLUMNS
                        + ") VALUES (:id, :key, :status, :opened, :closed, :version, :title, :cats,"
                        + " :unit, :size)")
                .bind("id", r.id())
                .bind("key", r.wrappedKey())
                .bind("status", r.status())
                .bind("opened", r.openedAt().toEpochMilli())
                .bind("closed", r.closedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("version", r.version())
                .bind("title", r.title())
                .bind("cats", r.categories())
                .bind("unit", r.unitName())
                .bind("size", r.unitSize())
                .execute());
  }

  @Override
  public Optional<CaseRow> findCase(String id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + CASE_COLUMNS + " FROM case_file WHERE id = :id")
                .bind("id", id)
                .map(JdbiCaseStore::caseRow)
                .findOne());
  }

  @Override
  public List<CaseRow> listCases() {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + CASE_COLUMNS + " FROM case_file ORDER BY opened_at DESC")
                .map(JdbiCaseStore::caseRow)
                .list());
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

  private static CaseRow caseRow(ResultSet rs, StatementContext ctx) throws SQLException {
    long closed = rs.getLong("closed_at");
    Optional<Instant> closedAt =
        rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(closed));
    return new CaseRow(
        rs.getString("id"),
        rs.getBytes("wrapped_key"),
        rs.getString("status"),
        Instant.ofEpochMilli(rs.getLong("opened_at")),
        closedAt,
        rs.getInt("version"),
        rs.getBytes("title_enc"),
        rs.getBytes("categories_enc"),
        rs.getBytes("unit_name_enc"),
        rs.getBytes("unit_size_enc"));
  }
}
