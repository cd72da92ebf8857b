package org.ombuds.store;

import java.util.Optional;
import org.ombuds.retaliation.NotificationSettings;
import org.ombuds.retaliation.NotificationStore;

/** The office's notification settings in SQL; the SMTP password only as a sealed ciphertext. */
public final class JdbiNotificationStore implements NotificationStore {
  private final Database db;

  public JdbiNotificationStore(Database db) {
    this.db = db;
  }

  @Override
  public Optional<Stored> load() {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT enabled, host, port, security, username, password_enc, mail_from,"
                        + " mail_to FROM notification_settings WHERE id = 1")
                .map(
                    (rs, ctx) ->
                        new Stored(
                            new NotificationSettings(
                                rs.getInt("enabled") != 0,
                                rs.getString("host"),
                                rs.getInt("port"),
                                NotificationSettings.Security.valueOf(rs.getString("security")),
                                Optional.ofNullable(rs.getString("username")),
                                rs.getString("mail_from"),
                                rs.getString("mail_to")),
                            Optional.ofNullable(rs.getBytes("password_enc"))))
                .findOne());
  }

  @Override
  public void save(Stored s) {
    NotificationSettings n = s.settings();
    db.run(
        () ->
            db.withHandle(
                h -> {
                  h.createUpdate("DELETE FROM notification_settings WHERE id = 1").execute();
                  var insert =
                      h.createUpdate(
                              "INSERT INTO notification_settings (id, enabled, host, port, security,"
                                  + " username, password_enc, mail_from, mail_to) VALUES (1, :enabled,"
                                  + " :host, :port, :security, :username, :password, :from, :to)")
                          .bind("enabled", n.enabled() ? 1 : 0)
                          .bind("host", n.host())
                          .bind("port", n.port())
                          .bind("security", n.security().name())
                          .bind("username", n.username().orElse(null))
                          .bind("from", n.from())
                          .bind("to", n.to());
                  if (s.sealedPassword().isPresent()) {
                    insert.bind("password", s.sealedPassword().get());
                  } else {
                    insert.bindNull("password", java.sql.Types.VARBINARY);
                  }
                  return insert.execute();
                }));
  }
}
