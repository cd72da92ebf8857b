package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.stories.StoryStore;

/** Stories in SQL, as ciphertexts; a case's stories go with the case (ON DELETE CASCADE). */
public final class JdbiStoryStore implements StoryStore {
  private static final String COLUMNS =
      "id, case_id, disclosure_id, version, audience, created_at, updated_at, data_enc";

  private final Database db;

  public JdbiStoryStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(StoryRow r) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO story ("
                        + COLUMNS
                        + ") VALUES (:id, :case, :disclosure, :version, :audience, :created,"
                        + " :updated, :data)")
                .bind("id", r.id())
                .bind("case", r.caseId().orElse(null))
                .bind("disclosure", r.disclosureId().orElse(null))
                .bind("version", r.version())
                .bind("audience", r.audience())
                .bind("created", r.createdAt().toEpochMilli())
                .bind("updated", r.updatedAt().toEpochMilli())
                .bind("data", r.data())
                .execute());
  }

  @Override
  public boolean update(StoryRow r, int expectedVersion) {
    return db.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE story SET disclosure_id = :disclosure, version = :version,"
                            + " audience = :audience, updated_at = :updated, data_enc = :data"
                            + " WHERE id = :id AND version = :expected")
                    .bind("id", r.id())
                    .bind("disclosure", r.disclosureId().orElse(null))
                    .bind("version", r.version())
                    .bind("audience", r.audience())
                    .bind("updated", r.updatedAt().toEpochMilli())
                    .bind("data", r.data())
                    .bind("expected", expectedVersion)
                    .execute()
                == 1);
  }

  @Override
  public Optional<StoryRow> find(String id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM story WHERE id = :id")
                .bind("id", id)
                .map(JdbiStoryStore::row)
                .findOne());
  }

  @Override
  public List<StoryRow> all() {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM story ORDER BY updated_at DESC, id")
                .map(JdbiStoryStore::row)
                .list());
  }

  private static StoryRow row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StoryRow(
        rs.getString("id"),
        Optional.ofNullable(rs.getString("case_id")),
        Optional.ofNullable(rs.getString("disclosure_id")),
        rs.getInt("version"),
        rs.getInt("audience"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")),
        rs.getBytes("data_enc"));
  }
}
