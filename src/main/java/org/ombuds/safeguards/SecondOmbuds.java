package org.ombuds.safeguards;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.ombuds.account.Account;
import org.ombuds.account.AccountException;
import org.ombuds.account.AccountService;
import org.ombuds.account.Session;
import org.ombuds.account.Username;
import org.ombuds.anonymity.Thresholds;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.OfficePolicy;
import org.ombuds.common.Ids;
import org.ombuds.common.Transactions;
import org.ombuds.mandate.Mandate;
import org.ombuds.records.ReportService;
import org.ombuds.records.ReportSettings;
import org.ombuds.safeguards.PendingChange.Setting;
import org.ombuds.vault.Passphrase;

/**
 * The second-Ombuds rule for the office's own safeguards (see the package comment): the only way
 * the API, the pages and the command line loosen a setting, hand a colleague's cases over or add an
 * account.
 *
 * <p>Where the office has more than one active Ombuds, such a request is recorded as a {@link
 * PendingChange} and carried out only when another active Ombuds (never the one who asked, and for
 * a new account never the account itself) confirms it. Every request, confirmation, refusal and
 * withdrawal is audited with ids and kinds only.
 */
public final class SecondOmbuds {
  /** How many decided changes the list shows after the pending ones. */
  public static final int DECIDED_SHOWN = 20;

  private final ChangeStore store;
  private final AccountService accounts;
  private final CaseService cases;
  private final Mandate mandate;
  private final ReportService reports;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;

  public SecondOmbuds(
      ChangeStore store,
      AccountService accounts,
      CaseService cases,
      Mandate mandate,
      ReportService reports,
      AuditLog audit,
      Transactions tx,
      Clock clock) {
    this.store = store;
    this.accounts = accounts;
    this.cases = cases;
    this.mandate = mandate;
    this.reports = reports;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
  }

  /** True when a safeguard can only be lifted by two Ombuds: the office has more than one. */
  public boolean twoNeeded() {
    return accounts.activeOmbuds() > 1;
  }

  // ---------------------------------------------------------------- settings

  /**
   * Settings asked for in one request; empty means "not asked". Values are checked here (the
   * anonymity thresholds can never be looser than the defaults).
   */
  public record SettingsRequest(
      Optional<Boolean> exceptionNeedsSecondOmbuds,
      Optional<Boolean> requireTotp,
      Optional<Integer> graceDays,
      Optional<Thresholds> anonymityThresholds,
      Optional<Integer> reportThreshold) {

    public static SettingsRequest none() {
      return new SettingsRequest(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public SettingsRequest withReportThreshold(int t) {
      return new SettingsRequest(
          exceptionNeedsSecondOmbuds, requireTotp, graceDays, anonymityThresholds, Optional.of(t));
    }
  }

  /**
   * Applies every tightening (and, in an office with one active Ombuds, everything) at once, and
   * records the loosenings as one pending change.
   *
   * @return the pending change, when some setting waits for a second Ombuds
   */
  public Optional<PendingChange> changeSettings(Session actor, SettingsRequest r) {
    Map<Setting, String> now = new EnumMap<>(Setting.class);
    Map<Setting, String> later = new EnumMap<>(Setting.class);
    boolean two = twoNeeded();
    r.exceptionNeedsSecondOmbuds()
        .ifPresent(
            v ->
                (two && !v && mandate.exceptionNeedsSecond() ? later : now)
                    .put(Setting.EXCEPTION_NEEDS_SECOND_OMBUDS, Boolean.toString(v)));
    r.requireTotp()
        .ifPresent(
            v ->
                (two && !v && accounts.requireTotp() ? later : now)
                    .put(Setting.REQUIRE_TOTP, Boolean.toString(v)));
    if (r.graceDays().isPresent()) {
      int days = r.graceDays().get();
      if (days < 0 || days > OfficePolicy.MAX_GRACE_DAYS) {
        throw new SafeguardException(
            400,
            "invalid_request",
            "The grace period is 0 to " + OfficePolicy.MAX_GRACE_DAYS + " days.");
      }
      (two && days > cases.policy().graceDays() ? later : now)
          .put(Setting.GRACE_DAYS, Integer.toString(days));
    }
    if (r.anonymityThresholds().isPresent()) {
      Thresholds t = r.anonymityThresholds().get();
      Mandate.requireNoLooserThanDefaults(t);
      (two && !t.isAtLeastAsStrictAs(mandate.thresholds()) ? later : now)
          .put(Setting.ANONYMITY_THRESHOLDS, encode(t));
    }
    if (r.reportThreshold().isPresent()) {
      int t = r.reportThreshold().get();
      ReportSettings.DEFAULTS.withThreshold(t); // refuses a threshold out of range
      (two && t < reports.settings().threshold() ? later : now)
          .put(Setting.REPORT_THRESHOLD, Integer.toString(t));
    }
    return tx.inTransaction(
        () -> {
          now.forEach((s, v) -> apply(actor.accountId(), s, v));
          if (later.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(
              request(
                  actor.accountId(),
                  ChangeKind.SETTINGS,
                  Optional.empty(),
                  Optional.empty(),
                  later));
        });
  }

  private void apply(String actorId, Setting s, String v) {
    switch (s) {
      case EXCEPTION_NEEDS_SECOND_OMBUDS ->
          mandate.setExceptionNeedsSecond(actorId, Boolean.parseBoolean(v));
      case REQUIRE_TOTP -> accounts.setRequireTotp(actorId, Boolean.parseBoolean(v));
      case GRACE_DAYS -> cases.setGraceDays(actorId, Integer.parseInt(v));
      case ANONYMITY_THRESHOLDS -> mandate.setThresholds(actorId, decodeThresholds(v));
      case REPORT_THRESHOLD -> reports.setThreshold(actorId, Integer.parseInt(v));
    }
  }

  /** The stored form of thresholds: five numbers separated by commas. */
  static String encode(Thresholds t) {
    return t.highWhenSetAtMost()
        + ","
        + t.mediumWhenSetAtMost()
        + ","
        + t.smallUnitAtMost()
        + ","
        + t.repeatedReleasesAtLeast()
        + ","
        + t.soonAfterContact().toDays();
  }

  /** Thresholds from their stored form ({@link #encode}). */
  public static Thresholds decodeThresholds(String v) {
    String[] p = v.split(",");
    return new Thresholds(
        Integer.parseInt(p[0]),
        Integer.parseInt(p[1]),
        Integer.parseInt(p[2]),
        Integer.parseInt(p[3]),
        Duration.ofDays(Integer.parseInt(p[4])));
  }

  // ---------------------------------------------------------------- hand-over

  /** What a hand-over request did: carried out at once, or waiting for a second Ombuds. */
  public record HandOverOutcome(
      Optional<CaseService.HandOver> done, Optional<PendingChange> pending) {}

  /**
   * Hands every case of {@code leaving} to {@code to} and disables {@code leaving}'s account; with
   * more than one active Ombuds, only once a second Ombuds confirms.
   */
  public HandOverOutcome handOver(Session actor, String leaving, String to) {
    if (accounts.account(leaving).isEmpty()) {
      throw new AccountException(AccountException.Reason.NOT_FOUND, "There is no such account.");
    }
    if (accounts.account(to).filter(Account::active).isEmpty()) {
      throw new AccountException(
          AccountException.Reason.INVALID, "'to' must be an active Ombuds account.");
    }
    if (leaving.equals(to)) {
      throw new AccountException(
          AccountException.Reason.INVALID, "Hand the cases to another Ombuds.");
    }
    if (leaving.equals(actor.accountId())) {
      throw new AccountException(
          AccountException.Reason.INVALID,
          "You cannot disable your own account: ask a colleague to hand your cases over.");
    }
    if (twoNeeded()) {
      return new HandOverOutcome(
          Optional.empty(),
          Optional.of(
              tx.inTransaction(
                  () ->
                      request(
                          actor.accountId(),
                          ChangeKind.HAND_OVER,
                          Optional.of(leaving),
                          Optional.of(to),
                          Map.of()))));
    }
    return new HandOverOutcome(
        Optional.of(tx.inTransaction(() -> carryOutHandOver(actor.accountId(), leaving, to))),
        Optional.empty());
  }

  private CaseService.HandOver carryOutHandOver(String actorId, String leaving, String to) {
    CaseService.HandOver done = cases.handOver(actorId, leaving, to);
    accounts.disable(actorId, leaving);
    return done;
  }

  // ---------------------------------------------------------------- new accounts

  /** A new account, and the change that waits to confirm it (when one does). */
  public record NewAccount(Account account, Optional<PendingChange> pending) {}

  /**
   * Adds an account wrapped by {@code actor}'s session. It inherits {@code actor}'s recusals; with
   * more than one active Ombuds it cannot log in until a second Ombuds confirms it, which also
   * lifts the inherited recusals. With a single active Ombuds it can log in at once and keeps them
   * until some other Ombuds confirms it.
   */
  public NewAccount addAccount(Session actor, Username username, Passphrase passphrase) {
    boolean two = twoNeeded();
    // Made unable to log in first, so that no moment exists where it is usable without the
    // recusals (the passphrase's key derivation is slow: it runs outside the transaction).
    Account made = accounts.addAccount(actor, username, passphrase, false);
    return tx.inTransaction(
        () -> {
          int inherited = cases.inheritRecusals(actor.accountId(), actor.accountId(), made.id());
          if (!two) {
            accounts.activate(actor.accountId(), made.id());
          }
          Optional<PendingChange> pending =
              two || inherited > 0
                  ? Optional.of(
                      request(
                          actor.accountId(),
                          ChangeKind.NEW_ACCOUNT,
                          Optional.of(made.id()),
                          Optional.empty(),
                          Map.of()))
                  : Optional.empty();
          return new NewAccount(accounts.account(made.id()).orElseThrow(), pending);
        });
  }

  // ---------------------------------------------------------------- deciding

  /**
   * The pending changes, oldest first, then the most recently decided ones; apart, the ids of those
   * whose rows were altered in the database, of which nothing can be trusted.
   */
  public ChangeStore.ChangeList changes() {
    return store.recent(DECIDED_SHOWN);
  }

  /** One change, by id. */
  public PendingChange change(String id) {
    if (!Ids.isId(id)) {
      throw notFound();
    }
    return store.byId(id).orElseThrow(SecondOmbuds::notFound);
  }

  /**
   * Confirms and carries out a pending change. Refused to whoever asked for it, and for a new
   * account to that account.
   */
  public PendingChange confirm(Session actor, String id) {
    PendingChange c = requirePending(actor, id);
    if (c.requestedBy().equals(actor.accountId())) {
      throw new SafeguardException(
          403,
          "second_ombuds_required",
          "You asked for this change: another Ombuds of the office must confirm it.");
    }
    if (c.kind() == ChangeKind.NEW_ACCOUNT && c.subject().orElse("").equals(actor.accountId())) {
      throw new SafeguardException(
          403,
          "second_ombuds_required",
          "An account cannot confirm itself: another Ombuds of the office must confirm it.");
    }
    return tx.inTransaction(
        () -> {
          if (!store.decide(c.id(), ChangeStatus.APPLIED, actor.accountId(), clock.instant())) {
            throw alreadyDecided();
          }
          String asked = c.requestedBy();
          switch (c.kind()) {
            case SETTINGS -> c.settings().forEach((s, v) -> apply(asked, s, v));
            case HAND_OVER ->
                carryOutHandOver(asked, c.subject().orElseThrow(), c.target().orElseThrow());
            case NEW_ACCOUNT -> {
              String account = c.subject().orElseThrow();
              if (accounts.account(account).filter(Account::active).isEmpty()) {
                accounts.activate(actor.accountId(), account);
              }
              cases.liftRecusals(actor.accountId(), account);
            }
          }
          audit.append(
              new AuditEvent(AuditKind.CHANGE_CONFIRMED, actor.accountId(), c.id(), c.kind().id()));
          return store.byId(c.id()).orElseThrow();
        });
  }

  /** Declines a pending change (cancels it, when whoever asked for it withdraws it). */
  public PendingChange decline(Session actor, String id) {
    PendingChange c = requirePending(actor, id);
    boolean own = c.requestedBy().equals(actor.accountId());
    ChangeStatus status = own ? ChangeStatus.CANCELLED : ChangeStatus.DECLINED;
    return tx.inTransaction(
        () -> {
          if (!store.decide(c.id(), status, actor.accountId(), clock.instant())) {
            throw alreadyDecided();
          }
          audit.append(
              new AuditEvent(
                  own ? AuditKind.CHANGE_CANCELLED : AuditKind.CHANGE_DECLINED,
                  actor.accountId(),
                  c.id(),
                  c.kind().id()));
          return store.byId(c.id()).orElseThrow();
        });
  }

  private PendingChange requirePending(Session actor, String id) {
    if (accounts.account(actor.accountId()).filter(Account::active).isEmpty()) {
      throw new SafeguardException(
          403, "second_ombuds_required", "Only an active Ombuds of the office can decide this.");
    }
    PendingChange c = change(id);
    if (!c.isPending()) {
      throw alreadyDecided();
    }
    return c;
  }

  private PendingChange request(
      String actorId,
      ChangeKind kind,
      Optional<String> subject,
      Optional<String> target,
      Map<Setting, String> settings) {
    PendingChange c =
        new PendingChange(
            Ids.newId(),
            kind,
            actorId,
            clock.instant(),
            subject,
            target,
            settings,
            ChangeStatus.PENDING,
            Optional.empty(),
            Optional.empty());
    store.insert(c);
    audit.append(new AuditEvent(AuditKind.CHANGE_REQUESTED, actorId, c.id(), kind.id()));
    return c;
  }

  private static SafeguardException notFound() {
    return new SafeguardException(404, "not_found", "There is no such change.");
  }

  private static SafeguardException alreadyDecided() {
    return new SafeguardException(
        409, "conflict", "This change was already confirmed, declined or cancelled.");
  }
}
