package org.ombuds.retaliation;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.common.Transactions;

/**
 * The office's e-mail notification settings. The SMTP password is sealed (encrypted under the
 * server key file, not the office keys) before it is stored, so the server can send while the
 * office is locked and the database never holds it in clear; it is never returned by {@link
 * #settings()}. Changes are audited with the actor only.
 */
public final class Notifications {
  /** The associated-data name of the sealed SMTP password. */
  public static final String PASSWORD = "smtp-password";

  private final NotificationStore store;
  private final AuditLog audit;
  private final Transactions tx;
  private final Function<String, byte[]> seal;
  private final Function<byte[], String> open;

  /** What to do with the stored password when settings change. */
  public sealed interface PasswordChange {
    /** Keep the stored password (if any). */
    record Keep() implements PasswordChange {}

    /** Forget the stored password (a server that needs none). */
    record Clear() implements PasswordChange {}

    /** Replace it. Prints without the password. */
    record Set(String password) implements PasswordChange {
      public Set {
        if (password == null || password.isEmpty() || password.length() > 1000) {
          throw RetaliationException.invalid("'password' must have 1 to 1000 characters.");
        }
      }

      @Override
      public String toString() {
        return "Set[password=[REDACTED]]";
      }
    }
  }

  /**
   * @param seal encrypts the password under the server key
   * @param open decrypts what {@code seal} made
   */
  public Notifications(
      NotificationStore store,
      AuditLog audit,
      Transactions tx,
      Function<String, byte[]> seal,
      Function<byte[], String> open) {
    this.store = Objects.requireNonNull(store);
    this.audit = Objects.requireNonNull(audit);
    this.tx = Objects.requireNonNull(tx);
    this.seal = Objects.requireNonNull(seal);
    this.open = Objects.requireNonNull(open);
  }

  /** The current settings, without the password. */
  public Optional<NotificationSettings> settings() {
    return store.load().map(NotificationStore.Stored::settings);
  }

  /** True when a password is stored. */
  public boolean passwordSet() {
    return store.load().flatMap(NotificationStore.Stored::sealedPassword).isPresent();
  }

  /** Replaces the settings; audited. */
  public void set(String actorId, NotificationSettings settings, PasswordChange password) {
    Optional<byte[]> current = store.load().flatMap(NotificationStore.Stored::sealedPassword);
    Optional<byte[]> sealed =
        switch (password) {
          case PasswordChange.Keep k -> current;
          case PasswordChange.Clear c -> Optional.empty();
          case PasswordChange.Set s -> Optional.of(seal.apply(s.password()));
        };
    tx.run(
        () -> {
          store.save(new NotificationStore.Stored(settings, sealed));
          audit.append(
              new AuditEvent(
                  AuditKind.NOTIFICATION_SETTINGS_CHANGED, actorId, "notifications", "ok"));
        });
  }

  /** What a sender needs: the settings and the password in clear, when notifications are on. */
  public record Delivery(NotificationSettings settings, Optional<String> password) {
    @Override
    public String toString() {
      return "Delivery[settings=" + settings + ", password=[REDACTED]]";
    }
  }

  /** The settings and password to send with, if notifications are set up and enabled. */
  public Optional<Delivery> delivery() {
    return store
        .load()
        .filter(s -> s.settings().enabled())
        .map(s -> new Delivery(s.settings(), s.sealedPassword().map(p -> open.apply(p))));
  }

  /** Records that a notification was sent, or given up on after every attempt. Ids only. */
  public void recordOutcome(boolean sent, int attempts) {
    tx.run(
        () ->
            audit.append(
                new AuditEvent(
                    sent ? AuditKind.NOTIFICATION_SENT : AuditKind.NOTIFICATION_FAILED,
                    Alerts.SYSTEM,
                    "notification",
                    "attempts-" + attempts)));
  }
}
