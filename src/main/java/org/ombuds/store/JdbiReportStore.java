package org.ombuds.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.ombuds.records.ReportStore;

/** The report's settings and the statistical records in SQL. */
public final class JdbiReportStore implements ReportStore {
  private static final long PACK_LOCK = 0x6f6d6273746174L;

  /** A batch ends at this many bytes of ciphertext (a few segments), whatever its row count. */
  private static final long BATCH_BYTES = 4L << 20;

  private final Database db;

  public JdbiReportStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<byte[]> settings() {
    return db.withHandle(
        h ->
            h.createQuery("SELECT data_enc FROM report_settings WHERE id = 1")
                .mapTo(byte[].class)
                .findOne());
  }

  @Override
  public void saveSettings(byte[] encrypted) {
    db.withHandle(
        h -> {
          int updated =
              h.createUpdate("UPDATE report_settings SET data_enc = :d WHERE id = 1")
                  .bind("d", encrypted)
                  .execute();
          if (updated == 0) {
            h.createUpdate("INSERT INTO report_settings (id, data_enc) VALUES (1, :d)")
                .bind("d", encrypted)
                .execute();
          }
          return null;
        });
  }

  @Override
  public void statRecords(int batchSize, Consumer<List<StatRow>> batch) {
    stream("SELECT 0, id, data_enc FROM stat_record", batchSize, batch);
  }

  @Override
  public int looseRecordCount() {
    return db.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM stat_record").mapTo(Integer.class).one());
  }

  @Override
  public List<StatRow> looseRecordsForPacking(int limit) {
    return db.withHandle(
        h -> {
          if (!h.isInTransaction()) {
            throw new IllegalStateException("Packing runs in a write transaction.");
          }
          if (db.isPostgres()) {
            h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:k)) AS l")
                .bind("k", PACK_LOCK)
                .mapTo(Integer.class)
                .one();
          }
          return h.createQuery("SELECT id, data_enc FROM stat_record ORDER BY id LIMIT :n")
              .bind("n", limit)
              .map((rs, ctx) -> new StatRow(rs.getString(1), rs.getBytes(2)))
              .list();
        });
  }

  @Override
  public void insertSegment(String segmentId, byte[] encrypted, List<String> packedRecordIds) {
    db.withHandle(
        h -> {
          h.createUpdate("INSERT INTO stat_segment (id, data_enc) VALUES (:id, :d)")
              .bind("id", segmentId)
              .bind("d", encrypted)
              .execute();
          PreparedBatch delete = h.prepareBatch("DELETE FROM stat_record WHERE id = :id");
          for (String id : packedRecordIds) {
            delete.bind("id", id).add();
          }
          int[] deleted = delete.execute();
          for (int d : deleted) {
            if (d != 1) {
              // Another packer took a record meanwhile: roll back rather than count it twice.
              throw new IllegalStateException("A statistical record was packed twice.");
            }
          }
          return null;
        });
  }

  @Override
  public void everyRecord(int batchSize, Consumer<List<StatRow>> batch) {
    stream(
        "SELECT 1, id, data_enc FROM stat_segment UNION ALL SELECT 0, id, data_enc FROM stat_record",
        batchSize,
        batch);
  }

  /**
   * Streams a query's rows in batches. On PostgreSQL the driver streams only inside a transaction
   * (otherwise it reads the whole result first), so the read runs in a read-only one.
   */
  private void stream(String sql, int batchSize, Consumer<List<StatRow>> batch) {
    db.withHandle(
        h -> {
          boolean own = db.isPostgres() && !h.isInTransaction();
          if (own) {
            h.begin();
          }
          try {
            List<StatRow> rows = new ArrayList<>(batchSize);
            long[] bytes = {0};
            h.createQuery(sql)
                .setFetchSize(Math.min(batchSize, 256))
                .map((rs, ctx) -> new StatRow(rs.getString(2), rs.getBytes(3), rs.getInt(1) == 1))
                .forEach(
                    r -> {
                      rows.add(r);
                      bytes[0] += r.data().length;
                      if (rows.size() == batchSize || bytes[0] >= BATCH_BYTES) {
                        batch.accept(List.copyOf(rows));
                        rows.clear();
                        bytes[0] = 0;
                      }
                    });
            if (!rows.isEmpty()) {
              batch.accept(List.copyOf(rows));
            }
          } finally {
            if (own) {
              h.rollback();
            }
          }
          return null;
        });
  }
}
