package org.ombuds.store;

import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;
import org.ombuds.store.RowTags.Table;

/**
 * The office's one row, read and written through its tag by every store that keeps a setting in it
 * (accounts, the case file's grace period, the mandate's rules and thresholds).
 */
final class OfficeRow {
  private OfficeRow() {}

  /**
   * The office row, checked; empty when the office has none yet. Selected without naming its id, so
   * that a row whose id was edited is reported as tampered rather than taken for no office.
   */
  static <T> Optional<T> read(Database db, RowMapper<T> mapper) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + Table.OFFICE.select() + " FROM office")
                .map(db.tags().checked(Table.OFFICE, mapper))
                .findFirst());
  }

  /** Sets columns of the office row ({@code assignments} as in SQL), checking it first. */
  static void write(Database db, String assignments, Consumer<Update> binds) {
    db.tags()
        .write(
            db,
            Table.OFFICE,
            () ->
                db.withHandle(
                    h -> {
                      Update u =
                          h.createUpdate("UPDATE office SET " + assignments + " WHERE id = 1");
                      binds.accept(u);
                      return u.execute();
                    }),
            1);
  }
}
