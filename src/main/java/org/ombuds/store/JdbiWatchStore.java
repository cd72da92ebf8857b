package org.ombuds.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.ombuds.retaliation.CheckIn;
import org.ombuds.retaliation.Watch;
import org.ombuds.retaliation.WatchStore;

/**
 * Retaliation watches and check-ins in SQL: ids and days only. The case and person columns are
 * foreign keys {@code ON DELETE SET NULL}, so destroying a case detaches its watches.
 */
public final class JdbiWatchStore implements WatchStore {
  private static final String COLUMNS = "id, case_id, person_id, until_day, agreed_on, ended_on";

  private final Database db;

  public JdbiWatchStore(Database db) {
    this.db = db;
  }

  @Override
  public void insert(Watch w) {
    db.run(
        () ->
            db.withHandle(
                h -> {
                  h.createUpdate(
                          "INSERT INTO retaliation_watch ("
                              + COLUMNS
                              + ") VALUES (:id, :case, :person, :until, :agreed, NULL)")
                      .bind("id", w.id())
                      .bind("case", w.caseId().orElse(null))
                      .bind("person", w.personId().orElse(null))
                      .bind("until", w.until().toString())
                      .bind("agreed", w.agreedOn().toString())
                      .execute();
                  for (CheckIn c : w.checkIns()) {
                    h.createUpdate(
                            "INSERT INTO check_in (watch_id, due_day, alerted) VALUES (:w, :d, 0)")
                        .bind("w", w.id())
                        .bind("d", c.date().toString())
                        .execute();
                  }
                  return null;
                }));
  }

  @Override
  public Optional<Watch> find(String id) {
    return select("WHERE id = :p", id).stream().findFirst();
  }

  @Override
  public List<Watch> byCase(String caseId) {
    return select("WHERE case_id = :p", caseId);
  }

  @Override
  public List<Watch> notEnded() {
    return select("WHERE ended_on IS NULL", null);
  }

  private List<Watch> select(String where, String param) {
    return db.withHandle(
        h -> {
          var q =
              h.createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM retaliation_watch "
                      + where
                      + " ORDER BY agreed_on DESC, id");
          if (param != null) {
            q.bind("p", param);
          }
          List<Watch> heads =
              q.map(
                      (rs, ctx) ->
                          new Watch(
                              rs.getString("id"),
                              Optional.ofNullable(rs.getString("case_id")),
                              Optional.ofNullable(rs.getString("person_id")),
                              LocalDate.parse(rs.getString("until_day")),
                              LocalDate.parse(rs.getString("agreed_on")),
                              Optional.ofNullable(rs.getString("ended_on")).map(LocalDate::parse),
                              List.of()))
                  .list();
          List<Watch> out = new ArrayList<>();
          for (Watch w : heads) {
            out.add(
                new Watch(
                    w.id(),
                    w.caseId(),
                    w.personId(),
                    w.until(),
                    w.agreedOn(),
                    w.endedOn(),
                    checkIns(h, w.id())));
          }
          return out;
        });
  }

  private static List<CheckIn> checkIns(Handle h, String watchId) {
    Map<LocalDate, CheckIn> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT due_day, done_on, alerted FROM check_in WHERE watch_id = :w ORDER BY due_day")
        .bind("w", watchId)
        .map(
            (rs, ctx) ->
                new CheckIn(
                    LocalDate.parse(rs.getString("due_day")),
                    Optional.ofNullable(rs.getString("done_on")).map(LocalDate::parse),
                    rs.getInt("alerted") != 0))
        .forEach(c -> out.put(c.date(), c));
    return List.copyOf(out.values());
  }

  @Override
  public boolean markDone(String watchId, LocalDate date, LocalDate on) {
    return db.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE check_in SET done_on = :on"
                            + " WHERE watch_id = :w AND due_day = :d AND done_on IS NULL")
                    .bind("w", watchId)
                    .bind("d", date.toString())
                    .bind("on", on.toString())
                    .execute()
                == 1);
  }

  @Override
  public boolean end(String watchId, LocalDate on) {
    return db.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE retaliation_watch SET ended_on = :on"
                            + " WHERE id = :w AND ended_on IS NULL")
                    .bind("w", watchId)
                    .bind("on", on.toString())
                    .execute()
                == 1);
  }

  @Override
  public List<Due> dueNotAlerted(LocalDate today) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT c.watch_id, w.case_id, c.due_day FROM check_in c"
                        + " JOIN retaliation_watch w ON w.id = c.watch_id"
                        + " WHERE c.due_day <= :today AND c.done_on IS NULL AND c.alerted = 0"
                        + " AND w.ended_on IS NULL ORDER BY c.due_day, c.watch_id")
                .bind("today", today.toString())
                .map(
                    (rs, ctx) ->
                        new Due(
                            rs.getString(1),
                            Optional.ofNullable(rs.getString(2)),
                            LocalDate.parse(rs.getString(3))))
                .list());
  }

  @Override
  public boolean markAlerted(String watchId, LocalDate date) {
    return db.withHandle(
        h ->
            h.createUpdate(
                        "UPDATE check_in SET alerted = 1"
                            + " WHERE watch_id = :w AND due_day = :d AND alerted = 0")
                    .bind("w", watchId)
                    .bind("d", date.toString())
                    .execute()
                == 1);
  }
}
