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
    return OfficeRow.read(db, (rs, ctx) -> rs.getInt("grace_days")).orElse(0);
  }

  @Override
  public void setGraceDays(int days) {
    OfficeRow.write(db, "grace_days = :d", u -> u.bind("d", days));
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
            h.createQuery(
                    "SELECT " + RowTags.Table.ACCOUNT.select() + " FROM account WHERE id = :id")
                .bind("id", accountId)
                .map(
                    db.tags().checked(RowTags.Table.ACCOUNT, (rs, ctx) -> rs.getInt("active") != 0))
                .findOne()
                .orElse(false));
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
