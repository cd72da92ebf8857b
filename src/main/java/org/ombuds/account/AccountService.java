package org.ombuds.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.common.Ids;
import org.ombuds.common.Transactions;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Passphrase;
import org.ombuds.vault.RecoveryKey;
import org.ombuds.vault.Totp;
import org.ombuds.vault.TotpSecret;
import org.ombuds.vault.Vault;
import org.ombuds.vault.WrappedOfficeKey;

/**
 * Creates the office and its Ombuds accounts, and logs Ombuds in and out.
 *
 * <p>Security properties: an unknown username and a wrong passphrase get the same {@link
 * LoginResult.Refused} after the same Argon2id work; failures are throttled per typed username;
 * every outcome is audited with the account id (or {@code unknown}), never the typed name or
 * passphrase; a new account can only be made by an Ombuds whose session holds the office keys, who
 * wraps them for the newcomer.
 */
public final class AccountService {
  /**
   * The language of an account whose Ombuds has not chosen one yet: the pages then speak the
   * browser's language (or the one chosen on the login page) until they choose.
   */
  public static final String LANGUAGE_NOT_CHOSEN = "";

  private static final String UNKNOWN = "unknown";

  private final AccountStore store;
  private final Vault vault;
  private final Sessions sessions;
  private final LoginThrottle throttle;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final Map<String, TotpSecret> pendingTotp = new ConcurrentHashMap<>();
  private final Totp totp = new Totp();

  public AccountService(
      AccountStore store,
      Vault vault,
      Sessions sessions,
      LoginThrottle throttle,
      AuditLog audit,
      Transactions tx,
      Clock clock) {
    this.store = store;
    this.vault = vault;
    this.sessions = sessions;
    this.throttle = throttle;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** What {@link #createOffice} hands back once: the first account and the recovery key. */
  public record CreatedOffice(Account firstAccount, RecoveryKey recoveryKey, OfficeKeys keys) {}

  /**
   * Creates the office: its keys, its record, and the first Ombuds account. The recovery key is
   * returned once and stored nowhere.
   */
  public CreatedOffice createOffice(Username username, Passphrase passphrase) {
    requireAcceptable(passphrase);
    if (store.office().isPresent()) {
      throw new AccountException(AccountException.Reason.CONFLICT, "This office already exists.");
    }
    Vault.NewOffice created = vault.createOffice();
    String accountId = Ids.newId();
    Account account =
        new Account(
            accountId,
            username,
            vault.wrapForAccount(created.keys(), accountId, passphrase),
            Optional.empty(),
            LANGUAGE_NOT_CHOSEN,
            true,
            clock.instant());
    tx.run(
        () -> {
          store.insertOffice(
              new OfficeRecord(
                  clock.instant(), created.publicKeyset(), created.recoveryWrapped(), false));
          store.insert(account);
          record(AuditKind.OFFICE_CREATED, accountId, "office", "ok");
          record(AuditKind.KEY_CREATED, accountId, "office-keys", "ok");
          record(AuditKind.ACCOUNT_CREATED, accountId, accountId, "ok");
        });
    return new CreatedOffice(account, created.recoveryKey(), created.keys());
  }

  /** Logs in. See the class comment for what is and is not revealed. */
  public LoginResult login(String typedUsername, Passphrase passphrase, Optional<String> otp) {
    String key = typedUsername == null ? "" : typedUsername.strip().toLowerCase(Locale.ROOT);
    Optional<Account> account =
        parseUsername(key).flatMap(store::byUsername).filter(Account::active);
    String actor = account.map(Account::id).orElse(UNKNOWN);
    var wait = throttle.waitFor(key);
    if (wait.isPresent()) {
      audited(AuditKind.LOGIN_THROTTLED, actor, "session", "throttled");
      return new LoginResult.Throttled(wait.get());
    }
    if (account.isEmpty()) {
      vault.burnUnwrapCost(passphrase);
      return refuse(key, actor, "refused");
    }
    Account a = account.get();
    Optional<OfficeKeys> keys = vault.unwrapForAccount(a.wrappedOfficeKey(), a.id(), passphrase);
    if (keys.isEmpty()) {
      return refuse(key, actor, "refused");
    }
    if (a.hasTotp()) {
      if (otp.isEmpty() || otp.get().isBlank()) {
        return new LoginResult.OtpRequired();
      }
      TotpSecret secret =
          TotpSecret.fromBytes(
              vault.decryptOffice(keys.get(), totpRef(a.id()), a.encryptedTotpSecret().get()));
      if (!totp.verify(secret, otp.get().strip(), clock.instant())) {
        return refuse(key, actor, "otp-refused");
      }
    }
    OfficeRecord office = officeRecord();
    if (!keys.get().ownsPublicKeyset(office.publicKeyset())) {
      // The public key visitors encrypt to was replaced in the database: whoever did it could
      // read what visitors send. Refuse to unlock and leave a trace for the audit.
      audited(AuditKind.OFFICE_UNLOCKED, a.id(), "office-public-key", "mismatch-refused");
      throw new AccountException(
          AccountException.Reason.LOCKED,
          "The office's public key in the database does not match its private key: the"
              + " database was altered. Nothing was unlocked; restore from a backup.");
    }
    boolean restricted = !a.hasTotp() && office.requireTotp();
    throttle.succeeded(key);
    boolean wasLocked = sessions.keys().isEmpty();
    SessionToken token = sessions.open(a, keys.get(), restricted);
    tx.run(
        () -> {
          record(AuditKind.LOGIN_SUCCEEDED, a.id(), "session", restricted ? "restricted" : "ok");
          if (wasLocked) {
            record(AuditKind.OFFICE_UNLOCKED, a.id(), "office", "ok");
          }
        });
    return new LoginResult.LoggedIn(token, a, restricted);
  }

  private LoginResult refuse(String key, String actor, String outcome) {
    throttle.failed(key);
    audited(AuditKind.LOGIN_FAILED, actor, "session", outcome);
    return new LoginResult.Refused();
  }

  /** Ends a session. */
  public void logout(SessionToken token) {
    sessions.close(token);
  }

  /**
   * Adds an Ombuds account, made by {@code actor} whose session holds the office keys.
   *
   * @throws AccountException when the username is taken, the passphrase weak or the office locked
   */
  public Account addAccount(Session actor, Username username, Passphrase passphrase) {
    return addAccount(actor, username, passphrase, true);
  }

  /**
   * As {@link #addAccount(Session, Username, Passphrase)}; with {@code active} false the account
   * cannot log in until {@link #activate} (it waits for a second Ombuds' confirmation).
   */
  public Account addAccount(
      Session actor, Username username, Passphrase passphrase, boolean active) {
    requireAcceptable(passphrase);
    OfficeKeys keys = unlockedKeys();
    if (store.byUsername(username).isPresent()) {
      throw new AccountException(
          AccountException.Reason.CONFLICT, "That username is taken: choose another.");
    }
    String id = Ids.newId();
    Account account =
        new Account(
            id,
            username,
            vault.wrapForAccount(keys, id, passphrase),
            Optional.empty(),
            LANGUAGE_NOT_CHOSEN,
            active,
            clock.instant());
    tx.run(
        () -> {
          store.insert(account);
          record(AuditKind.ACCOUNT_CREATED, actor.accountId(), id, active ? "ok" : "pending");
        });
    return account;
  }

  /**
   * Sets a new passphrase with the office's recovery key, for an Ombuds who forgot theirs.
   *
   * @return false when the recovery key does not open the office (nothing changed)
   */
  public boolean recover(Username username, RecoveryKey recoveryKey, Passphrase newPassphrase) {
    requireAcceptable(newPassphrase);
    OfficeRecord office = officeRecord();
    Account account =
        store
            .byUsername(username)
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Reason.NOT_FOUND, "There is no such account."));
    Optional<OfficeKeys> keys = vault.unwrapWithRecovery(office.recoveryWrapped(), recoveryKey);
    if (keys.isEmpty()) {
      audited(AuditKind.RECOVERY_USED, account.id(), account.id(), "refused");
      return false;
    }
    WrappedOfficeKey wrapped = vault.wrapForAccount(keys.get(), account.id(), newPassphrase);
    tx.run(
        () -> {
          store.update(account.withWrappedOfficeKey(wrapped));
          record(AuditKind.RECOVERY_USED, account.id(), account.id(), "ok");
          record(AuditKind.PASSPHRASE_CHANGED, account.id(), account.id(), "recovery");
        });
    sessions.closeAllOf(account.id());
    return true;
  }

  /** Starts setting up a second factor: the secret to show once, until confirmed. */
  public TotpSecret beginTotp(Session session) {
    TotpSecret secret = Totp.newSecret(new SecureRandom());
    pendingTotp.put(session.accountId(), secret);
    return secret;
  }

  /**
   * Confirms a second factor with a code from the person's authenticator app.
   *
   * @return false when the code is wrong or no set-up was begun
   */
  public boolean confirmTotp(Session session, SessionToken token, String code) {
    TotpSecret secret = pendingTotp.get(session.accountId());
    if (secret == null || !totp.verify(secret, code.strip(), clock.instant())) {
      return false;
    }
    OfficeKeys keys = unlockedKeys();
    Account account = store.byId(session.accountId()).orElseThrow();
    byte[] encrypted = vault.encryptOffice(keys, totpRef(account.id()), secret.bytes());
    tx.run(
        () -> {
          store.update(
              new Account(
                  account.id(),
                  account.username(),
                  account.wrappedOfficeKey(),
                  Optional.of(encrypted),
                  account.language(),
                  account.active(),
                  account.createdAt()));
          record(AuditKind.TOTP_ENABLED, account.id(), account.id(), "ok");
        });
    pendingTotp.remove(session.accountId());
    sessions.unrestrict(token);
    return true;
  }

  /**
   * Disables an account (an Ombuds who left): it can no longer log in and its sessions end. Its
   * cases are handed over separately.
   */
  public void disable(Session actor, String accountId) {
    disable(actor.accountId(), accountId);
  }

  /** As {@link #disable(Session, String)}, asked by {@code actorId}. */
  public void disable(String actorId, String accountId) {
    if (actorId.equals(accountId)) {
      throw new AccountException(
          AccountException.Reason.INVALID, "You cannot disable your own account.");
    }
    Account a =
        store
            .byId(accountId)
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Reason.NOT_FOUND, "There is no such account."));
    tx.run(
        () -> {
          store.update(
              new Account(
                  a.id(),
                  a.username(),
                  a.wrappedOfficeKey(),
                  a.encryptedTotpSecret(),
                  a.language(),
                  false,
                  a.createdAt()));
          record(AuditKind.ACCOUNT_DISABLED, actorId, accountId, "ok");
        });
    sessions.closeAllOf(accountId);
  }

  /** Lets an account made inactive (waiting for confirmation) log in; {@code actorId} confirmed. */
  public void activate(String actorId, String accountId) {
    Account a =
        store
            .byId(accountId)
            .orElseThrow(
                () ->
                    new AccountException(
                        AccountException.Reason.NOT_FOUND, "There is no such account."));
    tx.run(
        () -> {
          store.update(
              new Account(
                  a.id(),
                  a.username(),
                  a.wrappedOfficeKey(),
                  a.encryptedTotpSecret(),
                  a.language(),
                  true,
                  a.createdAt()));
          record(AuditKind.ACCOUNT_CONFIRMED, actorId, accountId, "ok");
        });
  }

  /** How many accounts can log in (a second Ombuds can only be required when there is one). */
  public int activeOmbuds() {
    return (int) store.all().stream().filter(Account::active).count();
  }

  /** Remembers the interface language an Ombuds chose ({@code en} or {@code fr}). */
  public void setLanguage(String accountId, String language) {
    if (!List.of("en", "fr").contains(language)) {
      throw new AccountException(AccountException.Reason.INVALID, "The language is en or fr.");
    }
    Account a = store.byId(accountId).orElseThrow();
    tx.run(
        () -> {
          store.update(
              new Account(
                  a.id(),
                  a.username(),
                  a.wrappedOfficeKey(),
                  a.encryptedTotpSecret(),
                  language,
                  a.active(),
                  a.createdAt()));
          record(AuditKind.LANGUAGE_CHANGED, accountId, accountId, language);
        });
  }

  /** An account by id. */
  public Optional<Account> account(String accountId) {
    return store.byId(accountId);
  }

  /** Makes a second factor compulsory (or optional) for every Ombuds of the office. */
  public void setRequireTotp(Session actor, boolean require) {
    setRequireTotp(actor.accountId(), require);
  }

  /** As {@link #setRequireTotp(Session, boolean)}, asked by {@code actorId}. */
  public void setRequireTotp(String actorId, boolean require) {
    OfficeRecord office = officeRecord();
    tx.run(
        () -> {
          store.updateOffice(office.withRequireTotp(require));
          record(AuditKind.SETTINGS_CHANGED, actorId, "require-totp", require ? "on" : "off");
        });
  }

  /** True when every Ombuds must log in with a second factor. */
  public boolean requireTotp() {
    return store.office().map(OfficeRecord::requireTotp).orElse(false);
  }

  /** All accounts, by username. */
  public List<Account> accounts() {
    return store.all();
  }

  /** The office record; the office must exist. */
  public OfficeRecord officeRecord() {
    return store
        .office()
        .orElseThrow(
            () ->
                new AccountException(
                    AccountException.Reason.NOT_FOUND, "This data directory holds no office."));
  }

  private OfficeKeys unlockedKeys() {
    return sessions
        .keys()
        .orElseThrow(
            () ->
                new AccountException(
                    AccountException.Reason.LOCKED, "The office is locked: log in again."));
  }

  static FieldRef totpRef(String accountId) {
    return FieldRef.office("account", "totp_secret_enc", accountId);
  }

  private static Optional<Username> parseUsername(String key) {
    try {
      return Optional.of(new Username(key));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static void requireAcceptable(Passphrase passphrase) {
    PassphrasePolicy.problem(passphrase)
        .ifPresent(
            p -> {
              throw new AccountException(AccountException.Reason.INVALID, p);
            });
  }

  private void audited(AuditKind kind, String actor, String subject, String outcome) {
    tx.run(() -> record(kind, actor, subject, outcome));
  }

  private void record(AuditKind kind, String actor, String subject, String outcome) {
    audit.append(new AuditEvent(kind, actor, subject, outcome));
  }
}
