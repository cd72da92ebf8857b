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
import org.ombuds.store.RowTags.Table;

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
    db.tags()
        .write(
            db,
            Table.DISCLOSURE,
            () ->
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
                            .bind(
                                "released", r.releasedAt().map(Instant::toEpochMilli).orElse(null))
                            .bind("data", r.data())
                            .execute()),
            r.id());
  }

  @Override
  public boolean updateDisclosure(
      DisclosureRow r, int expectedVersion, DisclosureStatus expectedStatus) {
    return db.tags()
        .write(
            db,
            Table.DISCLOSURE,
            () ->
                db.withHandle(
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
                                .bind(
                                    "released",
                                    r.releasedAt().map(Instant::toEpochMilli).orElse(null))
                                .bind("data", r.data())
                                .execute()
                            == 1),
            r.id());
  }

  @Override
  public Optional<DisclosureRow> findDisclosure(String caseId, String id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.DISCLOSURE.select()
                        + " FROM disclosure WHERE id = :id AND case_id = :case")
                .bind("id", id)
                .bind("case", caseId)
                .map(db.tags().checked(Table.DISCLOSURE, JdbiDisclosureStore::disclosure))
                .findOne());
  }

  @Override
  public Optional<DisclosureRow> lockDisclosure(String caseId, String id) {
    String lock = db.isPostgres() ? " FOR UPDATE" : "";
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.DISCLOSURE.select()
                        + " FROM disclosure WHERE id = :id AND case_id = :case"
                        + lock)
                .bind("id", id)
                .bind("case", caseId)
                .map(db.tags().checked(Table.DISCLOSURE, JdbiDisclosureStore::disclosure))
                .findOne());
  }

  @Override
  public List<DisclosureRow> disclosures(String caseId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.DISCLOSURE.select()
                        + " FROM disclosure WHERE case_id = :case ORDER BY created_at")
                .bind("case", caseId)
                .map(db.tags().checked(Table.DISCLOSURE, JdbiDisclosureStore::disclosure))
                .list());
  }

  @Override
  public List<DisclosureRow> released() {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.DISCLOSURE.select()
                        + " FROM disclosure WHERE status = 'RELEASED'")
                .map(db.tags().checked(Table.DISCLOSURE, JdbiDisclosureStore::disclosure))
                .list());
  }

  @Override
  public void insertConsent(ConsentRow r) {
    db.tags()
        .write(
            db,
            Table.CONSENT,
            () ->
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
                            .execute()),
            r.id());
  }

  @Override
  public List<ConsentRow> consents(String disclosureId) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.CONSENT.select()
                        + " FROM consent WHERE disclosure_id = :d ORDER BY given_at, id")
                .bind("d", disclosureId)
                .map(db.tags().checked(Table.CONSENT, JdbiDisclosureStore::consent))
                .list());
  }

  @Override
  public Optional<ConsentRow> findConsent(String caseId, String id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.CONSENT.select()
                        + " FROM consent WHERE id = :id AND case_id = :case")
                .bind("id", id)
                .bind("case", caseId)
                .map(db.tags().checked(Table.CONSENT, JdbiDisclosureStore::consent))
                .findOne());
  }

  @Override
  public boolean revokeConsent(String id, Instant at) {
    return db.tags()
        .write(
            db,
            Table.CONSENT,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                    "UPDATE consent SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
                                .bind("id", id)
                                .bind("at", at.toEpochMilli())
                                .execute()
                            == 1),
            id);
  }

  @Override
  public void insertDetermination(DeterminationRow r) {
    db.tags()
        .write(
            db,
            Table.DETERMINATION,
            () ->
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
                            .execute()),
            r.id());
  }

  @Override
  public Optional<DeterminationRow> findDetermination(String disclosureId, String id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + Table.DETERMINATION.select()
                        + " FROM determination WHERE id = :id AND disclosure_id = :d")
                .bind("id", id)
                .bind("d", disclosureId)
                .map(
                    db.tags()
                        .checked(
                            Table.DETERMINATION,
                            (rs, ctx) ->
                                new DeterminationRow(
                                    rs.getString("id"),
                                    rs.getString("disclosure_id"),
                                    rs.getString("case_id"),
                                    rs.getInt("version"),
                                    rs.getString("author_id"),
                                    Instant.ofEpochMilli(rs.getLong("created_at")),
                                    Optional.ofNullable(rs.getString("confirmed_by")),
                                    rs.getBytes("data_enc"))))
                .findOne());
  }

  @Override
  public void confirmDetermination(String id, String accountId) {
    db.tags()
        .write(
            db,
            Table.DETERMINATION,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate("UPDATE determination SET confirmed_by = :a WHERE id = :id")
                            .bind("id", id)
                            .bind("a", accountId)
                            .execute()),
            id);
  }

  @Override
  public boolean exceptionNeedsSecond() {
    return OfficeRow.read(db, (rs, ctx) -> rs.getInt("exception_needs_second") != 0).orElse(false);
  }

  @Override
  public void setExceptionNeedsSecond(boolean required) {
    OfficeRow.write(db, "exception_needs_second = :v", u -> u.bind("v", required ? 1 : 0));
  }

  @Override
  public Thresholds thresholds() {
    return OfficeRow.read(
            db,
            (rs, ctx) ->
                new Thresholds(
                    rs.getInt("anon_high"),
                    rs.getInt("anon_medium"),
                    rs.getInt("anon_small_unit"),
                    rs.getInt("anon_repeated"),
                    java.time.Duration.ofDays(rs.getInt("anon_soon_days"))))
        .orElse(Thresholds.DEFAULTS);
  }

  @Override
  public void setThresholds(Thresholds t) {
    OfficeRow.write(
        db,
        "anon_high = :h, anon_medium = :m, anon_small_unit = :s, anon_repeated = :r,"
            + " anon_soon_days = :d",
        u ->
            u.bind("h", t.highWhenSetAtMost())
                .bind("m", t.mediumWhenSetAtMost())
                .bind("s", t.smallUnitAtMost())
                .bind("r", t.repeatedReleasesAtLeast())
                .bind("d", (int) t.soonAfterContact().toDays()));
  }

  @Override
  public Optional<String> letterhead() {
    return OfficeRow.read(db, (rs, ctx) -> Optional.ofNullable(rs.getString("letterhead")))
        .flatMap(l -> l)
        .filter(s -> !s.isBlank());
  }

  @Override
  public void setLetterhead(String letterhead) {
    OfficeRow.write(db, "letterhead = :l", u -> u.bind("l", letterhead));
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
