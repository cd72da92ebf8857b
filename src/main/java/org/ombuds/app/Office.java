package org.ombuds.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ombuds.account.Account;
import org.ombuds.account.AccountException;
import org.ombuds.account.AccountService;
import org.ombuds.account.LoginThrottle;
import org.ombuds.account.Sessions;
import org.ombuds.account.Username;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.audit.CoalescingAuditAnchor;
import org.ombuds.audit.EntryAuthenticator;
import org.ombuds.audit.FileAuditAnchor;
import org.ombuds.casefile.CaseService;
import org.ombuds.mail.SmtpNotifier;
import org.ombuds.mandate.Mandate;
import org.ombuds.portal.AlertSink;
import org.ombuds.portal.Portal;
import org.ombuds.records.ReportAxes;
import org.ombuds.records.ReportService;
import org.ombuds.retaliation.AlertKind;
import org.ombuds.retaliation.Alerts;
import org.ombuds.retaliation.Notifications;
import org.ombuds.retaliation.Watches;
import org.ombuds.safeguards.SecondOmbuds;
import org.ombuds.store.Database;
import org.ombuds.store.DbConfig;
import org.ombuds.store.JdbiAccountStore;
import org.ombuds.store.JdbiAlertStore;
import org.ombuds.store.JdbiAuditStore;
import org.ombuds.store.JdbiCaseStore;
import org.ombuds.store.JdbiChangeStore;
import org.ombuds.store.JdbiDisclosureStore;
import org.ombuds.store.JdbiNotificationStore;
import org.ombuds.store.JdbiOfficePolicy;
import org.ombuds.store.JdbiPortalStore;
import org.ombuds.store.JdbiReportStore;
import org.ombuds.store.JdbiStoryStore;
import org.ombuds.store.JdbiWatchStore;
import org.ombuds.store.StoreException;
import org.ombuds.stories.Stories;
import org.ombuds.vault.AuditKey;
import org.ombuds.vault.Passphrase;
import org.ombuds.vault.PortalVault;
import org.ombuds.vault.ServerKey;
import org.ombuds.vault.Vault;
import org.ombuds.vault.VaultException;

/** One office, opened from its data directory, with every service wired. */
public final class Office implements AutoCloseable {
  private final DataDir dir;
  private final Database db;
  private final AuditLog audit;
  private final Vault vault;
  private final Sessions sessions;
  private final AccountService accounts;
  private final CaseService cases;
  private final Mandate mandate;
  private final Stories stories;
  private final Portal portal;
  private final Notifications notifications;
  private final SmtpNotifier notifier;
  private final Alerts alerts;
  private final Watches watches;
  private final ReportService reports;
  private final SecondOmbuds safeguards;
  private final Clock clock;
  private final CoalescingAuditAnchor anchor;

  /** How long the audit head outside the database may lag behind the log in normal running. */
  static final java.time.Duration HEAD_DELAY = java.time.Duration.ofMillis(100);

  private Office(DataDir dir, Database db, AuditKey auditKey, Clock clock) {
    this.dir = dir;
    this.db = db;
    this.clock = clock;
    this.vault = new Vault();
    this.anchor = new CoalescingAuditAnchor(new FileAuditAnchor(dir.auditHead()), HEAD_DELAY);
    this.audit =
        new AuditLog(
            new JdbiAuditStore(db), authenticator(auditKey), anchor, clock, db::afterCommit);
    CaseService[] casesRef = new CaseService[1];
    this.sessions =
        new Sessions(
            clock,
            (s, why) ->
                db.run(
                    () ->
                        audit.append(
                            new AuditEvent(
                                why == Sessions.End.EXPIRED
                                    ? AuditKind.SESSION_EXPIRED
                                    : AuditKind.LOGOUT,
                                s.accountId(),
                                "session",
                                "ok"))),
            () -> {
              if (casesRef[0] != null) {
                casesRef[0].forgetKeys();
              }
              db.run(
                  () ->
                      audit.append(
                          new AuditEvent(AuditKind.OFFICE_LOCKED, "system", "office", "ok")));
            });
    JdbiAccountStore accountStore = new JdbiAccountStore(db);
    JdbiCaseStore caseStore = new JdbiCaseStore(db);
    this.accounts =
        new AccountService(
            accountStore, vault, sessions, new LoginThrottle(clock), audit, db, clock);
    this.cases =
        new CaseService(
            caseStore, new JdbiOfficePolicy(db), vault, audit, db, clock, sessions::keys);
    casesRef[0] = cases;
    this.mandate =
        new Mandate(
            new JdbiDisclosureStore(db),
            cases,
            audit,
            db,
            clock,
            () -> (int) accountStore.all().stream().filter(Account::active).count());
    // A story's audience is the whole organization: the latest personnel count entered for the
    // annual report, when there is one.
    this.stories =
        new Stories(
            new JdbiStoryStore(db),
            cases,
            mandate,
            vault,
            sessions::keys,
            audit,
            db,
            clock,
            this::latestPersonnel);
    // The SMTP password is sealed under the server key file (created on first use), so mail can
    // be sent while the office is locked and the database alone never reveals the password.
    ServerKey[] serverKey = new ServerKey[1];
    java.util.function.Supplier<ServerKey> key =
        () -> {
          synchronized (serverKey) {
            if (serverKey[0] == null) {
              serverKey[0] = ServerKey.loadOrCreate(dir.serverKey());
            }
            return serverKey[0];
          }
        };
    this.notifications =
        new Notifications(
            new JdbiNotificationStore(db),
            audit,
            db,
            p -> key.get().seal(Notifications.PASSWORD, p),
            c -> key.get().open(Notifications.PASSWORD, c));
    this.notifier = new SmtpNotifier(notifications, SmtpNotifier.RETRIES, clock);
    this.alerts =
        new Alerts(new JdbiAlertStore(db), audit, db, clock, notifier, caseStore::recusedCases);
    this.watches =
        new Watches(
            new JdbiWatchStore(db), cases, alerts, audit, db, clock, caseStore::recusedCases);
    this.portal = newPortal(db, accountStore, portalAlerts(alerts), caseStore::recusedCases);
    mandate.usePendingConsents(portal::applyGrants);
    // A publication (a story's disclosure) keeps the series' disclaimer through every edit.
    mandate.usePublicationCheck(Stories::requireDisclaimer);
    this.reports =
        new ReportService(new JdbiReportStore(db), vault, sessions::keys, reportAxes(), audit, db);
    this.safeguards =
        new SecondOmbuds(
            new JdbiChangeStore(db), accounts, cases, mandate, reports, audit, db, clock);
  }

  /** The portal raises alerts with no content: the kind, and the case id when linked. */
  private static AlertSink portalAlerts(Alerts alerts) {
    return new AlertSink() {
      @Override
      public String retaliationReported(Optional<String> caseId) {
        return alerts.raise(AlertKind.RETALIATION_REPORTED, true, caseId);
      }

      @Override
      public String messageArrived(Optional<String> caseId) {
        return alerts.raise(AlertKind.PORTAL_MESSAGE, false, caseId);
      }

      @Override
      public boolean isOpen(String alertId) {
        return alerts.isOpen(alertId);
      }
    };
  }

  private Portal newPortal(
      Database db,
      JdbiAccountStore accountStore,
      AlertSink sink,
      Function<String, Set<String>> recusedCases) {
    return new Portal(
        new Portal.Wiring(
            new JdbiPortalStore(db),
            new PortalVault(),
            vault,
            () -> accountStore.office().orElseThrow().publicKeyset(),
            sessions::keys,
            cases,
            mandate,
            audit,
            db,
            clock,
            sink,
            recusedCases));
  }

  /** The rows the annual report lists, from the case file's vocabularies. */
  static ReportAxes reportAxes() {
    return new ReportAxes(
        names(org.ombuds.casefile.ContractType.values()),
        names(org.ombuds.casefile.Gender.values()),
        names(org.ombuds.casefile.AgeBand.values()),
        org.ombuds.casefile.Categories.ioa().all().stream()
            .map(org.ombuds.casefile.Category::code)
            .toList(),
        names(org.ombuds.casefile.Outcome.values()),
        names(org.ombuds.casefile.OptionKind.values()),
        names(org.ombuds.casefile.Decision.values()));
  }

  private static List<String> names(Enum<?>[] values) {
    return java.util.Arrays.stream(values).map(Enum::name).toList();
  }

  /** The audit key file's HMAC as the log's authenticator. */
  public static EntryAuthenticator authenticator(AuditKey key) {
    return new EntryAuthenticator() {
      @Override
      public byte[] tag(byte[] data) {
        return key.tag(data);
      }

      @Override
      public boolean verify(byte[] data, byte[] tag) {
        return key.verify(data, tag);
      }
    };
  }

  /**
   * Opens an existing office.
   *
   * @throws OfficeException when there is no office there, or its key file or database is unusable
   */
  public static Office open(DataDir dir, Optional<String> dbOverride, Clock clock) {
    if (!Files.isDirectory(dir.root())) {
      throw new OfficeException(
          "There is no data directory at " + dir.root() + ": create the office with 'ombuds init'.",
          true);
    }
    AuditKey key = loadAuditKey(dir);
    Database db = openDatabase(dir.database(dbOverride));
    Office office = new Office(dir, db, key, clock);
    if (new JdbiAccountStore(db).office().isEmpty()) {
      office.close();
      throw new OfficeException(
          "The database at "
              + db.config().redactedUrl()
              + " holds no office: create it with 'ombuds init'.",
          true);
    }
    return office;
  }

  /** What {@link #init} hands back once. */
  public record Created(Office office, AccountService.CreatedOffice created) {}

  /**
   * Creates an office in {@code dir}, which must be absent or empty. On failure, removes whatever
   * it had created, so no half-made office is left behind.
   */
  public static Created init(
      DataDir dir, Optional<String> dbUrl, Username username, Passphrase passphrase, Clock clock) {
    Path root = dir.root();
    boolean existed = Files.exists(root);
    if (existed && !Files.isDirectory(root)) {
      throw new OfficeException(root + " exists and is not a directory.", true);
    }
    if (existed && !isEmpty(root)) {
      throw new OfficeException(
          root + " is not empty: choose a new or empty directory for the office.", true);
    }
    Optional<DbConfig> dbConfig;
    try {
      dbConfig = dbUrl.map(DbConfig::fromUrl);
    } catch (IllegalArgumentException e) {
      throw new OfficeException(e.getMessage(), true);
    }
    List<Path> made = new ArrayList<>();
    Office office = null;
    try {
      Files.createDirectories(root);
      if (!existed) {
        made.add(root);
      }
      if (!Files.isWritable(root)) {
        throw new OfficeException(root + " is not writable by this user.", false);
      }
      if (dbConfig.isPresent()) {
        Properties p = new Properties();
        p.setProperty("db.url", dbConfig.get().jdbcUrl());
        dir.writeSettings(p);
        made.add(root.resolve(DataDir.CONFIG));
      }
      made.add(dir.auditKey());
      made.add(dir.auditHead());
      AuditKey key = AuditKey.generate(dir.auditKey());
      DbConfig config = dir.database(Optional.empty());
      config.sqliteFile().ifPresent(f -> made.addAll(sqliteFiles(f)));
      Database db = openDatabase(config);
      office = new Office(dir, db, key, clock);
      AccountService.CreatedOffice created = office.accounts.createOffice(username, passphrase);
      return new Created(office, created);
    } catch (AccountException e) {
      cleanUp(office, made);
      throw new OfficeException(e.getMessage(), e.reason() != AccountException.Reason.LOCKED);
    } catch (IOException e) {
      cleanUp(office, made);
      throw new OfficeException(
          "Cannot create the office in "
              + root
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage(),
          false);
    } catch (RuntimeException e) {
      cleanUp(office, made);
      throw e;
    }
  }

  private static List<Path> sqliteFiles(Path db) {
    return List.of(
        db,
        db.resolveSibling(db.getFileName() + "-wal"),
        db.resolveSibling(db.getFileName() + "-shm"));
  }

  private static void cleanUp(Office office, List<Path> made) {
    if (office != null) {
      office.close();
    }
    made.stream()
        .sorted(Comparator.comparingInt(Path::getNameCount).reversed())
        .forEach(
            p -> {
              try {
                Files.deleteIfExists(p);
              } catch (IOException ignored) {
                // Best effort: what is left is named by the error the caller prints.
              }
            });
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new OfficeException("Cannot read " + dir + ": " + e.getMessage(), false);
    }
  }

  private static AuditKey loadAuditKey(DataDir dir) {
    try {
      return AuditKey.load(dir.auditKey());
    } catch (VaultException e) {
      throw new OfficeException(
          "The audit key file " + dir.auditKey() + " cannot be used: " + e.getMessage(), false);
    }
  }

  private static Database openDatabase(DbConfig config) {
    try {
      return Database.open(config);
    } catch (StoreException e) {
      throw new OfficeException(e.getMessage(), false);
    }
  }

  public DataDir dir() {
    return dir;
  }

  public Database db() {
    return db;
  }

  public AuditLog audit() {
    return audit;
  }

  public Vault vault() {
    return vault;
  }

  public Sessions sessions() {
    return sessions;
  }

  public AccountService accounts() {
    return accounts;
  }

  public CaseService cases() {
    return cases;
  }

  public Mandate mandate() {
    return mandate;
  }

  public Stories stories() {
    return stories;
  }

  public Portal portal() {
    return portal;
  }

  /** Alerts: raised also while the office is locked (they need no key). */
  public Alerts alerts() {
    return alerts;
  }

  /** E-mail notification settings. */
  public Notifications notifications() {
    return notifications;
  }

  /** Sends the e-mail notifications (asynchronously). */
  public SmtpNotifier notifier() {
    return notifier;
  }

  /** Retaliation watches. */
  public Watches watches() {
    return watches;
  }

  private java.util.OptionalInt latestPersonnel() {
    return reports.settings().years().entrySet().stream()
        .filter(e -> e.getValue().personnel() > 0)
        .max(java.util.Map.Entry.comparingByKey())
        .map(e -> java.util.OptionalInt.of(e.getValue().personnel()))
        .orElse(java.util.OptionalInt.empty());
  }

  public ReportService reports() {
    return reports;
  }

  /** The second-Ombuds rule for the office's safeguards. */
  public SecondOmbuds safeguards() {
    return safeguards;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    notifier.close();
    anchor.close();
    db.close();
  }
}
