package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.audit.AuditEntry;
import org.ombuds.audit.AuditKind;
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
              .map(JdbiAuditStore::entry)
              .findOne();
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

  @Override
  public long count() {
    return db.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM audit_log").mapTo(Long.class).one());
  }

  private static AuditEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
    String kind = rs.getString("kind");
    return new AuditEntry(
        rs.getLong("seq"),
        Instant.ofEpochMilli(rs.getLong("at")),
        AuditKind.valueOf(kind),
        rs.getString("actor"),
        rs.getString("subject"),
        rs.getString("outcome"),
        rs.getBytes("prev_hash"),
        rs.getBytes("hash"),
        rs.getBytes("mac"));
  }
}
