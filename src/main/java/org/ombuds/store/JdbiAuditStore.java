package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.audit.AuditEntry;
import org.ombuds.audit.AuditIntegrityException;
import org.ombuds.audit.AuditRow;
import org.ombuds.audit.AuditStore;

/**
 * The audit log's rows. On PostgreSQL, reading the last entry inside a transaction takes a
 * transaction-scoped advisory lock first, so that appends from several server instances line up one
 * after the other; on SQLite the {@code IMMEDIATE} write transaction does the same.
 */
public final class JdbiAuditStore implements AuditStore {
  private static final long APPEND_LOCK = 0x6f6d627564734cL;
  private static final String COLUMNS =
      "seq, at, kind, actor, subject, outcome, prev_hash, hash, mac";

  private final Database db;

  public JdbiAuditStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<AuditEntry> last() {
    return db.withHandle(
        h -> {
          if (db.isPostgres() && h.isInTransaction()) {
            h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:k)) AS l")
                .bind("k", APPEND_LOCK)
                .mapTo(Integer.class)
                .one();
          }
          return h.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq DESC LIMIT 1")
              .map(JdbiAuditStore::row)
              .findOne()
              .map(JdbiAuditStore::readable);
        });
  }

  @Override
  public void insert(AuditEntry e) {
    db.withHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO audit_log ("
                        + COLUMNS
                        + ") VALUES (:seq, :at, :kind, :actor, :subject, :outcome, :prev, :hash,"
                        + " :mac)")
                .bind("seq", e.seq())
                .bind("at", e.at().toEpochMilli())
                .bind("kind", e.kind().name())
                .bind("actor", e.actor())
                .bind("subject", e.subject())
                .bind("outcome", e.outcome())
                .bind("prev", e.prevHash())
                .bind("hash", e.hash())
                .bind("mac", e.mac())
                .execute());
  }

  @Override
  public void forEachInOrder(Consumer<AuditEntry> consumer) {
    db.withHandle(
        h -> {
          try (var stream =
              h
                  .createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq")
                  .setFetchSize(1000)
                  .map(JdbiAuditStore::entry)
                  .stream()) {
            stream.forEach(consumer);
          }
          return null;
        });
  }

  /**
   * Streams the raw rows (each column as the driver reads it, unconverted), so that the verifier
   * sees what a database administrator wrote, even a NULL or a value of the wrong type.
   *
   * @throws StoreException when the table cannot be read at all
   */
  @Override
  public void forEachRowInOrder(Consumer<AuditRow> consumer) {
    try {
      db.withHandle(
          h -> {
            try (var stream =
                h
                    .createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY seq NULLS LAST")
                    .setFetchSize(1000)
                    .map(JdbiAuditStore::row)
                    .stream()) {
              stream.forEach(consumer);
            }
            return null;
          });
    } catch (JdbiException e) {
      throw new StoreException(
          "The audit table cannot be read ("
              + e.getClass().getSimpleName()
              + "): was the database's schema changed?");
    }
  }

  private static AuditRow row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new AuditRow(
        rs.getObject("seq"),
        rs.getObject("at"),
        rs.getObject("kind"),
        rs.getObject("actor"),
        rs.getObject("subject"),
        rs.getObject("outcome"),
        rs.getObject("prev_hash"),
        rs.getObject("hash"),
        rs.getObject("mac"));
  }

  @Override
  public long count() {
    return db.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Long.class).one());
  }

  private static AuditEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
    return readable(row(rs, ctx));
  }

  /** The row's entry; a row that is not one was written outside the application. */
  private static AuditEntry readable(AuditRow row) {
    return switch (row.decode()) {
      case AuditRow.Decodable r -> r.entry();
      case AuditRow.Unreadable u ->
          throw new AuditIntegrityException(
              "an audit entry cannot be read ("
                  + u.problem()
                  + "): the audit log was edited; run 'ombuds audit verify'");
    };
  }
}
