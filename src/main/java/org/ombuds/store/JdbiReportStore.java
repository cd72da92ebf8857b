package org.ombuds.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.ombuds.records.ReportStore;

/** The report's settings and the statistical records in SQL. */
public final class JdbiReportStore implements ReportStore {
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
    db.withHandle(
        h -> {
          List<StatRow> rows = new ArrayList<>(batchSize);
          h.createQuery("SELECT id, data_enc FROM stat_record")
              .setFetchSize(batchSize)
              .map((rs, ctx) -> new StatRow(rs.getString(1), rs.getBytes(2)))
              .forEach(
                  r -> {
                    rows.add(r);
                    if (rows.size() == batchSize) {
                      batch.accept(List.copyOf(rows));
                      rows.clear();
                    }
                  });
          if (!rows.isEmpty()) {
            batch.accept(List.copyOf(rows));
          }
          return null;
        });
  }
}
