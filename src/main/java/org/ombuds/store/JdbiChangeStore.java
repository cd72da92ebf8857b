package org.ombuds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.ombuds.safeguards.ChangeKind;
import org.ombuds.safeguards.ChangeStatus;
import org.ombuds.safeguards.ChangeStore;
import org.ombuds.safeguards.PendingChange;
import org.ombuds.store.RowTags.Table;

/**
 * Pending changes to the office's safeguards in SQL. Their rows carry a tag ({@link
 * Table#OFFICE_CHANGE}): every read checks it, every write checks the row first and tags it after,
 * in one transaction, so a change marked applied, edited after the request or made up in the
 * database is never shown, confirmed or carried out.
 */
public final class JdbiChangeStore implements ChangeStore {
  private static final String COLUMNS =
      "id, kind, requested_by, requested_at, subject, target, settings, status, decided_by,"
          + " decided_at";

  private final Database db;

  public JdbiChangeStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(PendingChange c) {
    db.tags()
        .write(
            db,
            Table.OFFICE_CHANGE,
            () ->
                db.withHandle(
                    h ->
                        h.createUpdate(
                                "INSERT INTO office_change ("
                                    + COLUMNS
                                    + ") VALUES (:id, :kind, :by, :at, :subject, :target,"
                                    + " :settings, :status, :decidedBy, :decidedAt)")
                            .bind("id", c.id())
                            .bind("kind", c.kind().name())
                            .bind("by", c.requestedBy())
                            .bind("at", c.requestedAt().toEpochMilli())
                            .bind("subject", c.subject().orElse(null))
                            .bind("target", c.target().orElse(null))
                            .bind("settings", encode(c.settings()))
                            .bind("status", c.status().name())
                            .bind("decidedBy", c.decidedBy().orElse(null))
                            .bind(
                                "decidedAt", c.decidedAt().map(Instant::toEpochMilli).orElse(null))
                            .execute()),
            c.id());
  }

  @Override
  public Optional<PendingChange> byId(String id) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + Table.OFFICE_CHANGE.select() + " FROM office_change WHERE id = :id")
                .bind("id", id)
                .map(db.tags().checked(Table.OFFICE_CHANGE, (rs, ctx) -> row(rs)))
                .findOne());
  }

  @Override
  public ChangeList recent(int decided) {
    List<PendingChange> sound = new ArrayList<>();
    List<String> tampered = new ArrayList<>();
    RowMapper<Boolean> split =
        (rs, ctx) -> {
          if (db.tags().sound(Table.OFFICE_CHANGE, rs)) {
            sound.add(row(rs));
          } else {
            tampered.add(String.valueOf(rs.getString("id")));
          }
          return Boolean.TRUE;
        };
    db.withHandle(
        h -> {
          h.createQuery(
                  "SELECT "
                      + Table.OFFICE_CHANGE.select()
                      + " FROM office_change WHERE status = 'PENDING'"
                      + " ORDER BY requested_at, id")
              .map(split)
              .list();
          return h.createQuery(
                  "SELECT "
                      + Table.OFFICE_CHANGE.select()
                      + " FROM office_change WHERE status <> 'PENDING'"
                      + " ORDER BY decided_at DESC, id LIMIT :n")
              .bind("n", decided)
              .map(split)
              .list();
        });
    return new ChangeList(sound, tampered);
  }

  @Override
  public boolean decide(String id, ChangeStatus status, String decidedBy, Instant at) {
    return db.tags()
        .write(
            db,
            Table.OFFICE_CHANGE,
            () ->
                db.withHandle(
                        h ->
                            h.createUpdate(
                                    "UPDATE office_change SET status = :s, decided_by = :by,"
                                        + " decided_at = :at WHERE id = :id AND status = 'PENDING'")
                                .bind("s", status.name())
                                .bind("by", decidedBy)
                                .bind("at", at.toEpochMilli())
                                .bind("id", id)
                                .execute())
                    == 1,
            id);
  }

  private static PendingChange row(ResultSet rs) throws SQLException {
    long decidedAt = rs.getLong("decided_at");
    boolean undecided = rs.wasNull();
    return new PendingChange(
        rs.getString("id"),
        ChangeKind.valueOf(rs.getString("kind")),
        rs.getString("requested_by"),
        Instant.ofEpochMilli(rs.getLong("requested_at")),
        Optional.ofNullable(rs.getString("subject")),
        Optional.ofNullable(rs.getString("target")),
        decode(rs.getString("settings")),
        ChangeStatus.valueOf(rs.getString("status")),
        Optional.ofNullable(rs.getString("decided_by")),
        undecided ? Optional.empty() : Optional.of(Instant.ofEpochMilli(decidedAt)));
  }

  static String encode(Map<PendingChange.Setting, String> settings) {
    StringBuilder b = new StringBuilder();
    for (PendingChange.Setting s : PendingChange.Setting.values()) {
      String v = settings.get(s);
      if (v != null) {
        if (!v.matches("[A-Za-z0-9,]{1,60}")) {
          throw new IllegalArgumentException("A setting's value is a word or numbers.");
        }
        b.append(b.isEmpty() ? "" : ";").append(s.key()).append('=').append(v);
      }
    }
    return b.toString();
  }

  static Map<PendingChange.Setting, String> decode(String stored) {
    Map<PendingChange.Setting, String> out = new EnumMap<>(PendingChange.Setting.class);
    if (stored == null || stored.isEmpty()) {
      return out;
    }
    for (String pair : stored.split(";")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        PendingChange.Setting.byKey(pair.substring(0, eq))
            .ifPresent(s -> out.put(s, pair.substring(eq + 1)));
      }
    }
    return out;
  }
}
