package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.ombuds.retaliation.Alert;
import org.ombuds.retaliation.AlertKind;
import org.ombuds.retaliation.AlertStore;

/** Alerts in SQL: kinds, flags, ids and days only. */
public final class JdbiAlertStore implements AlertStore {
  private static final String COLUMNS =
      "id, kind, urgent, case_id, watch_id, raised_on, acknowledged_by, acknowledged_on";

  private final Database db;

  public JdbiAlertStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(Alert a) {
    // Numbered in the write transaction, which is serialized: seq orders alerts newest first even
    // when several are raised on the same day (the day is all the time an alert keeps).
    db.inTransaction(
        () ->
            db.withHandle(
                h -> {
                  long seq =
                      h.createQuery("SELECT COALESCE(MAX(seq), 0) + 1 FROM alert")
                          .mapTo(Long.class)
                          .one();
                  return h.createUpdate(
                          "INSERT INTO alert (id, seq, kind, urgent, case_id, watch_id, raised_on)"
                              + " VALUES (:id, :seq, :kind, :urgent, :case, :watch, :raised)")
                      .bind("id", a.id())
                      .bind("seq", seq)
                      .bind("kind", a.kind().name())
                      .bind("urgent", a.urgent() ? 1 : 0)
                      .bind("case", a.caseId().orElse(null))
                      .bind("watch", a.watchId().orElse(null))
                      .bind("raised", a.raisedOn().toString())
                      .execute();
                }));
  }

  @Override
  public List<Alert> open() {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM alert WHERE acknowledged_by IS NULL ORDER BY seq DESC")
                .map(JdbiAlertStore::alert)
                .list());
  }

  @Override
  public Optional<Alert> find(String id) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM alert WHERE id = :id")
                .bind("id", id)
                .map(JdbiAlertStore::alert)
                .findOne());
  }

  @Override
  public boolean acknowledge(String id, String accountId, LocalDate on) {
    return db.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE alert SET acknowledged_by = :by, acknowledged_on = :on"
                            + " WHERE id = :id AND acknowledged_by IS NULL")
                    .bind("id", id)
                    .bind("by", accountId)
                    .bind("on", on.toString())
                    .execute()
                == 1);
  }

  @Override
  public boolean caseExists(String caseId) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM case_file WHERE id = :id")
                    .bind("id", caseId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  private static Alert alert(ResultSet rs, StatementContext ctx) throws SQLException {
    String by = rs.getString("acknowledged_by");
    return new Alert(
        rs.getString("id"),
        AlertKind.valueOf(rs.getString("kind")),
        rs.getInt("urgent") != 0,
        Optional.ofNullable(rs.getString("case_id")),
        Optional.ofNullable(rs.getString("watch_id")),
        LocalDate.parse(rs.getString("raised_on")),
        by == null
            ? Optional.empty()
            : Optional.of(
                new Alert.Acknowledgement(by, LocalDate.parse(rs.getString("acknowledged_on")))));
  }
}
