package org.ombuds.retaliation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.casefile.CaseException;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.common.Ids;
import org.ombuds.common.Transactions;

/**
 * Retaliation watches: agreed with a person of an open case, with check-in days; check-ins are
 * marked done; a watch can be ended early; a due check-in raises one non-urgent {@link
 * AlertKind#CHECK_IN_DUE} alert.
 *
 * <p>Guarantees: a watch holds no text. It outlives its case: when the case is destroyed its case
 * and person are dropped by the store, and its days and done flags stay. An Ombuds recused from the
 * case gets the same answer as for a watch that does not exist. {@link #raiseDue()} needs no key
 * and is idempotent: each check-in raises its alert at most once, even if run concurrently or again
 * after a crash, because the alert and the check-in's "alerted" mark commit together.
 */
public final class Watches {
  private final WatchStore store;
  private final CaseService cases;
  private final Alerts alerts;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final Function<String, Set<String>> recusedCases;

  public Watches(
      WatchStore store,
      CaseService cases,
      Alerts alerts,
      AuditLog audit,
      Transactions tx,
      Clock clock,
      Function<String, Set<String>> recusedCases) {
    this.store = Objects.requireNonNull(store);
    this.cases = Objects.requireNonNull(cases);
    this.alerts = Objects.requireNonNull(alerts);
    this.audit = Objects.requireNonNull(audit);
    this.tx = Objects.requireNonNull(tx);
    this.clock = Objects.requireNonNull(clock);
    this.recusedCases = Objects.requireNonNull(recusedCases);
  }

  /** Today in the office's clock (UTC). */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * Agrees a watch with {@code personId} of the open case {@code caseId}.
   *
   * @throws CaseException NOT_FOUND (no such case, or recused), CLOSED, LOCKED
   * @throws RetaliationException 400 when the person is not of the case or the terms break a rule
   *     of {@link WatchTerms}
   */
  public Watch agree(String actorId, String caseId, String personId, WatchTerms terms) {
    CaseView c = cases.get(actorId, caseId);
    if (!c.isOpen()) {
      throw new CaseException(
          CaseException.Reason.CLOSED, "This case is closed: a watch is agreed on an open case.");
    }
    if (c.persons().stream().noneMatch(p -> p.id().equals(personId))) {
      throw RetaliationException.invalid(
          "person_not_of_case",
          "'personId' must be a person of this case (add the visitor to the case first).");
    }
    LocalDate today = today();
    terms.check(today);
    Watch w =
        new Watch(
            Ids.newId(),
            Optional.of(caseId),
            Optional.of(personId),
            terms.until(),
            today,
            Optional.empty(),
            terms.checkIns().stream().map(d -> new CheckIn(d, Optional.empty(), false)).toList());
    tx.run(
        () -> {
          store.insert(w);
          audit.append(new AuditEvent(AuditKind.WATCH_AGREED, actorId, "watch:" + w.id(), "ok"));
        });
    return w;
  }

  /**
   * The watches of a case {@code actorId} may see (open or closed, not destroyed), newest first.
   */
  public List<Watch> forCase(String actorId, String caseId) {
    // Refuses (as not found) a case that does not exist or that actorId is recused from.
    var unused = cases.cipherFor(actorId, caseId);
    return store.byCase(caseId);
  }

  /** Every watch not ended early that {@code actorId} may see, newest first. */
  public List<Watch> notEnded(String actorId) {
    Set<String> recused = recusedCases.apply(actorId);
    return store.notEnded().stream().filter(w -> visible(w, recused)).toList();
  }

  /**
   * One watch.
   *
   * @throws RetaliationException 404 when there is none (or {@code actorId} is recused from its
   *     case)
   */
  public Watch get(String actorId, String watchId) {
    if (!Ids.isId(watchId)) {
      throw RetaliationException.notFound("watch");
    }
    return store
        .find(watchId)
        .filter(w -> visible(w, recusedCases.apply(actorId)))
        .orElseThrow(() -> RetaliationException.notFound("watch"));
  }

  /**
   * Records that the check-in of {@code date} took place (no note is kept).
   *
   * @throws RetaliationException 404 no such watch or check-in, 409 already done or watch ended
   */
  public Watch checkInDone(String actorId, String watchId, LocalDate date) {
    Watch w = get(actorId, watchId);
    if (w.checkIn(date).isEmpty()) {
      throw RetaliationException.notFound("check-in on that day");
    }
    requireNotEnded(w);
    boolean ok =
        tx.inTransaction(
            () -> {
              if (!store.markDone(watchId, date, today())) {
                return false;
              }
              audit.append(
                  new AuditEvent(AuditKind.CHECK_IN_DONE, actorId, "watch:" + watchId, "ok"));
              return true;
            });
    if (!ok) {
      throw new RetaliationException(409, "already_done", "This check-in is already done.");
    }
    return get(actorId, watchId);
  }

  /**
   * Ends a watch early: its remaining check-ins raise no alert.
   *
   * @throws RetaliationException 404 no such watch, 409 already ended
   */
  public Watch end(String actorId, String watchId) {
    Watch w = get(actorId, watchId);
    requireNotEnded(w);
    boolean ok =
        tx.inTransaction(
            () -> {
              if (!store.end(watchId, today())) {
                return false;
              }
              audit.append(
                  new AuditEvent(AuditKind.WATCH_ENDED, actorId, "watch:" + watchId, "ok"));
              return true;
            });
    if (!ok) {
      throw ended();
    }
    return get(actorId, watchId);
  }

  /**
   * Raises one {@link AlertKind#CHECK_IN_DUE} alert (not urgent) for every check-in due today or
   * earlier, not done, of a watch not ended, that has none yet. Needs no key; run at server start
   * and hourly.
   *
   * @return how many alerts were raised
   */
  public int raiseDue() {
    int raised = 0;
    for (WatchStore.Due due : store.dueNotAlerted(today())) {
      boolean now =
          tx.inTransaction(
              () -> {
                if (!store.markAlerted(due.watchId(), due.date())) {
                  return false; // another run got there first
                }
                alerts.raise(
                    AlertKind.CHECK_IN_DUE, false, due.caseId(), Optional.of(due.watchId()));
                return true;
              });
      if (now) {
        raised++;
      }
    }
    return raised;
  }

  private static void requireNotEnded(Watch w) {
    if (w.ended()) {
      throw ended();
    }
  }

  private static RetaliationException ended() {
    return new RetaliationException(409, "watch_ended", "This watch has ended.");
  }

  private static boolean visible(Watch w, Set<String> recused) {
    return w.caseId().map(c -> !recused.contains(c)).orElse(true);
  }
}
