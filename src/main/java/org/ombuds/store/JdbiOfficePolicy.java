package org.ombuds.store;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ombuds.casefile.OfficePolicy;

/** The office's case-file settings in SQL. */
public final class JdbiOfficePolicy implements OfficePolicy {
  private final Database db;

  public JdbiOfficePolicy(Database db) {
    this.db = db;
  }

  @Override
  public int graceDays() {
    return db.withHandle(
        h ->
            h.createQuery("SELECT grace_days FROM office WHERE id = 1")
                .mapTo(Integer.class)
                .findOne()
                .orElse(0));
  }

  @Override
  public void setGraceDays(int days) {
    db.withHandle(
        h ->
            h.createUpdate("UPDATE office SET grace_days = :d WHERE id = 1")
                .bind("d", days)
                .execute());
  }

  @Override
  public Map<String, String> officeCategories() {
    Map<String, String> out = new LinkedHashMap<>();
    db.withHandle(
        h -> {
          h.createQuery("SELECT code, label FROM office_category ORDER BY code")
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return null;
        });
    return out;
  }

  @Override
  public boolean isActiveOmbuds(String accountId) {
    return db.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM account WHERE id = :id AND active = 1")
                    .bind("id", accountId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public void putOfficeCategory(String code, String label) {
    db.withHandle(
        h -> {
          int updated =
              h.createUpdate("UPDATE office_category SET label = :l WHERE code = :c")
                  .bind("c", code)
                  .bind("l", label)
                  .execute();
          if (updated == 0) {
            h.createUpdate("INSERT INTO office_category (code, label) VALUES (:c, :l)")
                .bind("c", code)
                .bind("l", label)
                .execute();
          }
          return null;
        });
  }
}
