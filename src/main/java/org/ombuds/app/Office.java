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
import org.ombuds.audit.IntegrityCheck;
import org.ombuds.casefile.CaseService;
import org.ombuds.common.Late;
import org.ombuds.mail.SmtpNotifier;
import org.ombuds.mandate.ExitCheck;
import org.ombuds.mandate.Mandate;
import org.ombuds.mandate.PendingConsents;
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
import org.ombuds.store.RowTags;
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
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Office.class);

  private final AuditLog audit;
  private final Vault vault;
  private final Sessions sessions;
  private final AccountService accounts;
  private final CaseService cases;
  private final Mandate mandate;
  private final ExitCheck exits;
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
    // Rows the guarantees rest on are authenticated under a key derived from the audit key file,
    // which the database does not hold.
    db.useRowTags(new RowTags(authenticator(auditKey.derive("rows"))));
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
    // What the portal and the alerts give the mandate's checks: bound once the portal exists,
    // required by the constructors below, and all checked bound before the office starts.
    Late<ExitCheck.ContactsOnFile> portalContacts = Late.of("the exit check's portal contacts");
    Late<ExitCheck.HiddenMatchSink> hiddenMatches = Late.of("the exit check's hidden-match alert");
    Late<PendingConsents> portalConsents = Late.of("the mandate's pending portal consents");
    // Every way out is watched: stories, the report's texts, portal replies and the letterhead
    // pass the exit check against everything on file in every open case.
    this.exits = new ExitCheck(cases, audit, db, portalContacts, hiddenMatches);
    this.mandate =
        new Mandate(
            new JdbiDisclosureStore(db),
            cases,
            audit,
            db,
            clock,
            new Mandate.Ports(
                () -> (int) accountStore.all().stream().filter(Account::active).count(),
                exits,
                portalConsents,
                // A publication (a story's disclosure) keeps the series' disclaimer through edits.
                Stories::requireDisclaimer));
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
            this::latestPersonnel,
            exits);
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
    portalConsents.bind(portal.pendingConsents());
    portalContacts.bind(portal::contactsOnFile);
    // A match in a case the author is recused from is shown to the case's other Ombuds only.
    hiddenMatches.bind(
        caseId -> alerts.raise(AlertKind.EXIT_CHECK_MATCH, false, Optional.of(caseId)));
    Late.requireBound(portalContacts, hiddenMatches, portalConsents);
    this.reports =
        new ReportService(
            new JdbiReportStore(db),
            vault,
            sessions::keys,
            reportAxes(),
            audit,
            db,
            (actorId, year, texts) ->
                exits.require(
                    actorId,
                    ExitCheck.Exit.REPORT,
                    Integer.toString(year),
                    texts,
                    ExitCheck.Own.NONE));
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
            recusedCases,
            exits));
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
    if (dir.initInterrupted()) {
      throw new OfficeException(
          "An 'ombuds init' in "
              + dir.root()
              + " was interrupted before the office was complete: run 'ombuds init --data "
              + dir.root()
              + "' again (it clears what the interrupted one left and starts over).",
          true);
    }
    if (isEmpty(dir.root())) {
      throw new OfficeException(
          dir.root() + " holds no office: create it with 'ombuds init'.", true);
    }
    dir.secure();
    AuditKey key = loadAuditKey(dir);
    Database db = openDatabase(dir.database(dbOverride));
    dir.secure(); // the database's WAL and SHM files, made just now
    Office office = new Office(dir, db, key, clock);
    // Counted without trusting the row: an edited office row is for 'audit verify' to report.
    if (!new JdbiAccountStore(db).hasOffice()) {
      office.close();
      throw new OfficeException(
          "The database at "
              + db.config().redactedUrl()
              + " holds no office: create it with 'ombuds init'.",
          true);
    }
    try {
      office.tagRowsOnce();
    } catch (RuntimeException e) {
      office.close();
      throw e;
    }
    return office;
  }

  private long rowsTaggedNow;

  /**
   * The first open of an office made by a release before row tags: tags every row in one
   * transaction and records it in the audit log ({@link AuditKind#ROWS_AUTHENTICATED}), then in the
   * data directory ({@link DataDir#ROWS_TAGGED}, beside the audit key, out of a database
   * administrator's reach), so that it happens once. The office's public key tagged here is checked
   * against its private key at each Ombuds' login.
   *
   * <p>Without that file, the audit log decides, and only once it verifies: an office whose log
   * records row tags (every office made by this release records them at {@code init}; a restored
   * backup, an upgrade interrupted after its commit) never has untagged rows tagged again, so a row
   * whose tag a DBA removed stays reported instead of being made valid.
   */
  private void tagRowsOnce() {
    if (Files.exists(dir.rowsTagged())) {
      return;
    }
    Optional<Long> n =
        db.inTransaction(
            () -> {
              Optional<Boolean> recorded = audit.verifiedHolds(AuditKind.ROWS_AUTHENTICATED);
              if (recorded.isEmpty() || recorded.get()) {
                return recorded.isEmpty() ? Optional.<Long>empty() : Optional.of(0L);
              }
              long tagged =
                  db.withHandleForMaintenance(
                      h -> {
                        JdbiPortalStore.markUnsignedDecisions(h);
                        return db.tags().tagUntagged(h);
                      });
              audit.append(
                  new AuditEvent(
                      AuditKind.ROWS_AUTHENTICATED, "system", "database", Long.toString(tagged)));
              return Optional.of(tagged);
            });
    if (n.isEmpty()) {
      // The audit log does not verify: nothing is tagged, and 'audit verify' says what is wrong.
      LOG.warn("The audit log does not verify: no row was tagged. Run 'ombuds audit verify'.");
      return;
    }
    try {
      DataDir.createOwnerOnlyFile(dir.rowsTagged());
    } catch (IOException e) {
      throw new OfficeException("Cannot write " + dir.rowsTagged() + ": " + e.getMessage(), false);
    }
    rowsTaggedNow = n.get();
  }

  /**
   * How many rows this open tagged because the office was made by a release before row tags (0
   * otherwise), for the server to say so once.
   */
  public long rowsTaggedNow() {
    return rowsTaggedNow;
  }

  /** What {@link #init} hands back once. */
  public record Created(Office office, AccountService.CreatedOffice created) {}

  /**
   * Creates an office in {@code dir}, which must be absent, empty, or what an interrupted {@code
   * init} left (its {@link DataDir#INIT_MARKER}: that is cleared first). The directory is made
   * owner-only and every file in it owner-only, whatever the umask. On failure, removes whatever it
   * had created, so no half-made office is left behind; if the process is killed instead, the
   * marker tells the next {@code init} (and {@code serve}) what happened.
   */
  public static Created init(
      DataDir dir, Optional<String> dbUrl, Username username, Passphrase passphrase, Clock clock) {
    Path root = dir.root();
    boolean existed = Files.exists(root);
    if (existed && !Files.isDirectory(root)) {
      throw new OfficeException(root + " exists and is not a directory.", true);
    }
    Optional<DbConfig> dbConfig;
    try {
      dbConfig = dbUrl.map(DbConfig::fromUrl);
    } catch (IllegalArgumentException e) {
      throw new OfficeException(e.getMessage(), true);
    }
    if (existed && !dir.initInterrupted() && !isEmptyButLock(root)) {
      throw new OfficeException(
          root + " is not empty: choose a new or empty directory for the office.", true);
    }
    List<Path> made = new ArrayList<>();
    Office office = null;
    Optional<ServerLock> lock = Optional.empty();
    try {
      Files.createDirectories(root);
      if (!existed) {
        made.add(root);
      }
      DataDir.ownerOnlyDirectory(root);
      if (!Files.isWritable(root)) {
        throw new OfficeException(root + " is not writable by this user.", false);
      }
      boolean lockExisted = Files.exists(root.resolve(ServerLock.FILE));
      lock = ServerLock.tryAcquire(dir);
      if (lock.isEmpty()) {
        throw new OfficeException(
            root + " is in use by another ombuds command (init, serve or migrate).", true);
      }
      if (!lockExisted) {
        made.add(root.resolve(ServerLock.FILE));
      }
      if (dir.initInterrupted()) {
        clearInterruptedInit(dir);
      }
      if (!isEmptyButLock(root)) {
        throw new OfficeException(
            root + " is not empty: choose a new or empty directory for the office.", true);
      }
      Path marker = root.resolve(DataDir.INIT_MARKER);
      made.add(marker);
      DataDir.createOwnerOnlyFile(marker);
      if (dbConfig.isPresent()) {
        Properties p = new Properties();
        p.setProperty("db.url", dbConfig.get().jdbcUrl());
        made.add(root.resolve(DataDir.CONFIG));
        dir.writeSettings(p);
      }
      made.add(dir.auditKey());
      made.add(dir.auditHead());
      AuditKey key = AuditKey.generate(dir.auditKey());
      DbConfig config = dir.database(Optional.empty());
      if (config.sqliteFile().isPresent()) {
        Path f = config.sqliteFile().get();
        made.addAll(sqliteFiles(f));
        DataDir.createOwnerOnlyFile(f); // SQLite gives its WAL and SHM files the same mode
      }
      Database db = openDatabase(config);
      office = new Office(dir, db, key, clock);
      AccountService.CreatedOffice created = office.accounts.createOffice(username, passphrase);
      // Every row was tagged as it was written; the log says so, for a restore of this office.
      Office fresh = office;
      fresh.db.inTransaction(
          () ->
              fresh.audit.append(
                  new AuditEvent(AuditKind.ROWS_AUTHENTICATED, "system", "database", "0")));
      made.add(dir.rowsTagged());
      DataDir.createOwnerOnlyFile(dir.rowsTagged()); // every row was tagged as it was written
      dir.secure();
      Files.delete(marker); // the office is complete
      Fs2.forceDirectory(root);
      return new Created(office, created);
    } catch (AccountException e) {
      cleanUp(office, lock, made);
      throw new OfficeException(e.getMessage(), e.reason() != AccountException.Reason.LOCKED);
    } catch (IOException e) {
      cleanUp(office, lock, made);
      throw new OfficeException(
          "Cannot create the office in "
              + root
              + ": "
              + e.getClass().getSimpleName()
              + " "
              + e.getMessage(),
          false);
    } catch (RuntimeException e) {
      cleanUp(office, lock, made);
      throw e;
    } finally {
      lock.ifPresent(ServerLock::close);
    }
  }

  /** The files an interrupted {@code init} may have left: removed before starting over. */
  private static void clearInterruptedInit(DataDir dir) throws IOException {
    Path root = dir.root();
    List<Path> leftovers = new ArrayList<>();
    leftovers.add(root.resolve(DataDir.CONFIG));
    leftovers.add(root.resolve(DataDir.AUDIT_KEY));
    leftovers.add(root.resolve(DataDir.AUDIT_HEAD));
    leftovers.add(root.resolve("server.key"));
    leftovers.add(root.resolve(DataDir.ROWS_TAGGED));
    leftovers.addAll(sqliteFiles(DbConfig.sqlite(root).sqliteFile().orElseThrow()));
    leftovers.add(root.resolve("ombuds.db-journal"));
    for (Path p : leftovers) {
      Files.deleteIfExists(p);
    }
    dir.removeLeftovers();
    Files.deleteIfExists(root.resolve(DataDir.INIT_MARKER));
  }

  private static boolean isEmptyButLock(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.allMatch(p -> p.getFileName().toString().equals(ServerLock.FILE));
    } catch (IOException e) {
      throw new OfficeException("Cannot read " + dir + ": " + e.getMessage(), false);
    }
  }

  /** Forces a directory's entries to disk where the platform allows it. */
  private static final class Fs2 {
    static void forceDirectory(Path dir) {
      try (java.nio.channels.FileChannel ch =
          java.nio.channels.FileChannel.open(dir, java.nio.file.StandardOpenOption.READ)) {
        ch.force(true);
      } catch (IOException | UnsupportedOperationException e) {
        // Best effort.
      }
    }
  }

  private static List<Path> sqliteFiles(Path db) {
    return List.of(
        db,
        db.resolveSibling(db.getFileName() + "-wal"),
        db.resolveSibling(db.getFileName() + "-shm"));
  }

  private static void cleanUp(Office office, Optional<ServerLock> lock, List<Path> made) {
    if (office != null) {
      office.close();
    }
    lock.ifPresent(ServerLock::close);
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

  /**
   * Everything {@code ombuds audit verify} checks, in order: the audit log first. Tables whose rows
   * are authenticated with a key outside the database add their check here.
   */
  public List<IntegrityCheck> integrityChecks() {
    return List.of(audit.asCheck(), db.tags().asCheck(db));
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

  /** The check every free text passes on its way out. */
  public ExitCheck exits() {
    return exits;
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
