package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.anonymity.Thresholds;
import org.ombuds.mandate.DisclosureStatus;
import org.ombuds.mandate.DisclosureStore;

/** Disclosures, consents and determinations in SQL, as ciphertexts. */
public final class JdbiDisclosureStore implements DisclosureStore {
  private static final String D_COLUMNS =
      "id, case_id, status, version, created_at, released_at, data_enc";
  private static final String C_COLUMNS =
      "id, disclosure_id, case_id, person_id, version, method, given_at, revoked_at, data_enc";

  private final Database db;

  public JdbiDisclosureStore(Database db) {
    this.db = db;
  }

  @Override
  public void insertDisclosure(DisclosureRow r) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO disclosure ("
                        + D_COLUMNS
                        + ") VALUES (:id, :case, :status, :version, :created, :released, :data)")
                .bind("id", r.id())
                .bind("case", r.caseId())
                .bind("status", r.status())
                .bind("version", r.version())
                .bind("created", r.createdAt().toEpochMilli())
                .bind("released", r.releasedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("data", r.data())
                .execute());
  }

  @Override
  public boolean updateDisclosure(
      DisclosureRow r, int expectedVersion, DisclosureStatus expectedStatus) {
    return db.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE disclosure SET status = :status, version = :version, released_at = :released,"
                            + " data_enc = :data WHERE id = :id AND case_id = :case AND version = :expected"
                            + " AND status = :expectedStatus")
                    .bind("id", r.id())
                    .bind("expectedStatus", expectedStatus.name())
                    .bind("case", r.caseId())
                    .bind("status", r.status())
                    .bind("version", r.version())
                    .bind("expected", expectedVersion)
                    .bind("released", r.releasedAt().map(Instant::toEpochMilli).orElse(null))
                    .bind("data", r.data())
                    .execute()
                == 1);
  }

  @Override
  public Optional<DisclosureRow> findDisclosure(String caseId, String id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + D_COLUMNS + " FROM disclosure WHERE id = :id AND case_id = :case")
                .bind("id", id)
                .bind("case", caseId)
                .map(JdbiDisclosureStore::disclosure)
                .findOne());
  }

  @Override
  public Optional<DisclosureRow> lockDisclosure(String caseId, String id) {
    String lock = db.isPostgres() ? " FOR UPDATE" : "";
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + D_COLUMNS
                        + " FROM disclosure WHERE id = :id AND case_id = :case"
                        + lock)
                .bind("id", id)
                .bind("case", caseId)
                .map(JdbiDisclosureStore::disclosure)
                .findOne());
  }

  @Override
  public List<DisclosureRow> disclosures(String caseId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + D_COLUMNS
                        + " FROM disclosure WHERE case_id = :case ORDER BY created_at")
                .bind("case", caseId)
                .map(JdbiDisclosureStore::disclosure)
                .list());
  }

  @Override
  public List<DisclosureRow> released() {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + D_COLUMNS + " FROM disclosure WHERE status = 'RELEASED'")
                .map(JdbiDisclosureStore::disclosure)
                .list());
  }

  @Override
  public void insertConsent(ConsentRow r) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO consent ("
                        + C_COLUMNS
                        + ") VALUES (:id, :d, :case, :person, :version, :method, :given, :revoked, :data)")
                .bind("id", r.id())
                .bind("d", r.disclosureId())
                .bind("case", r.caseId())
                .bind("person", r.personId())
                .bind("version", r.version())
                .bind("method", r.method())
                .bind("given", r.givenAt().toEpochMilli())
                .bind("revoked", r.revokedAt().map(Instant::toEpochMilli).orElse(null))
                .bind("data", r.data())
                .execute());
  }

  @Override
  public List<ConsentRow> consents(String disclosureId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + C_COLUMNS
                        + " FROM consent WHERE disclosure_id = :d ORDER BY given_at, id")
                .bind("d", disclosureId)
                .map(JdbiDisclosureStore::consent)
                .list());
  }

  @Override
  public Optional<ConsentRow> findConsent(String caseId, String id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + C_COLUMNS + " FROM consent WHERE id = :id AND case_id = :case")
                .bind("id", id)
                .bind("case", caseId)
                .map(JdbiDisclosureStore::consent)
                .findOne());
  }

  @Override
  public boolean revokeConsent(String id, Instant at) {
    return db.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE consent SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                    .bind("id", id)
                    .bind("at", at.toEpochMilli())
                    .execute()
                == 1);
  }

  @Override
  public void insertDetermination(DeterminationRow r) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO determination (id, disclosure_id, case_id, version, author_id, created_at,"
                        + " confirmed_by, data_enc) VALUES (:id, :d, :case, :version, :author, :created,"
                        + " :confirmed, :data)")
                .bind("id", r.id())
                .bind("d", r.disclosureId())
                .bind("case", r.caseId())
                .bind("version", r.version())
                .bind("author", r.authorId())
                .bind("created", r.createdAt().toEpochMilli())
                .bind("confirmed", r.confirmedBy().orElse(null))
                .bind("data", r.data())
                .execute());
  }

  @Override
  public Optional<DeterminationRow> findDetermination(String disclosureId, String id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT id, disclosure_id, case_id, version, author_id, created_at, confirmed_by, data_enc"
                        + " FROM determination WHERE id = :id AND disclosure_id = :d")
                .bind("id", id)
                .bind("d", disclosureId)
                .map(
                    (rs, ctx) ->
                        new DeterminationRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getInt(4),
                            rs.getString(5),
                            Instant.ofEpochMilli(rs.getLong(6)),
                            Optional.ofNullable(rs.getString(7)),
                            rs.getBytes(8)))
                .findOne());
  }

  @Override
  public void confirmDetermination(String id, String accountId) {
    db.withHandle(
        h ->
            h.createUpdate("UPDATE determination SET confirmed_by = :a WHERE id = :id")
                .bind("id", id)
                .bind("a", accountId)
                .execute());
  }

  @Override
  public boolean exceptionNeedsSecond() {
    return db.withHandle(
        h ->
            h.createQuery("SELECT exception_needs_second FROM office WHERE id = 1")
                    .mapTo(Integer.class)
                    .findOne()
                    .orElse(0)
                != 0);
  }

  @Override
  public void setExceptionNeedsSecond(boolean required) {
    db.withHandle(
        h ->
            h.createUpdate("UPDATE office SET exception_needs_second = :v WHERE id = 1")
                .bind("v", required ? 1 : 0)
                .execute());
  }

  @Override
  public Thresholds thresholds() {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT anon_high, anon_medium, anon_small_unit, anon_repeated, anon_soon_days"
                        + " FROM office WHERE id = 1")
                .map(
                    (rs, ctx) ->
                        new Thresholds(
                            rs.getInt(1),
                            rs.getInt(2),
                            rs.getInt(3),
                            rs.getInt(4),
                            java.time.Duration.ofDays(rs.getInt(5))))
                .findOne()
                .orElse(Thresholds.DEFAULTS));
  }

  @Override
  public void setThresholds(Thresholds t) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "UPDATE office SET anon_high = :h, anon_medium = :m, anon_small_unit = :s,"
                        + " anon_repeated = :r, anon_soon_days = :d WHERE id = 1")
                .bind("h", t.highWhenSetAtMost())
                .bind("m", t.mediumWhenSetAtMost())
                .bind("s", t.smallUnitAtMost())
                .bind("r", t.repeatedReleasesAtLeast())
                .bind("d", (int) t.soonAfterContact().toDays())
                .execute());
  }

  @Override
  public Optional<String> letterhead() {
    return db.withHandle(
            h ->
                h.createQuery("SELECT letterhead FROM office WHERE id = 1")
                    .mapTo(String.class)
                    .findOne())
        .filter(s -> !s.isBlank());
  }

  @Override
  public void setLetterhead(String letterhead) {
    db.withHandle(
        h ->
            h.createUpdate("UPDATE office SET letterhead = :l WHERE id = 1")
                .bind("l", letterhead)
                .execute());
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }

  private static DisclosureRow disclosure(ResultSet rs, StatementContext ctx) throws SQLException {
    return new DisclosureRow(
        rs.getString("id"),
        rs.getString("case_id"),
        rs.getString("status"),
        rs.getInt("version"),
        Instant.ofEpochMilli(rs.getLong("created_at")),
        instant(rs, "released_at"),
        rs.getBytes("data_enc"));
  }

  private static ConsentRow consent(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ConsentRow(
        rs.getString("id"),
        rs.getString("disclosure_id"),
        rs.getString("case_id"),
        rs.getString("person_id"),
        rs.getInt("version"),
        rs.getString("method"),
        Instant.ofEpochMilli(rs.getLong("given_at")),
        instant(rs, "revoked_at"),
        rs.getBytes("data_enc"));
  }
}
