package org.ombuds.retaliation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.common.Ids;
import org.ombuds.common.Transactions;

/**
 * Alerts: raised by the system (a visitor's retaliation report, a portal message, a due check-in),
 * listed for the Ombuds and acknowledged by one of them.
 *
 * <p>Security guarantees: an alert holds no text and needs no key, so it can be raised while the
 * office is locked (at night, with nobody logged in). Raising and acknowledging each commit
 * together with an audit entry that names ids and the kind only. The {@link Notifier} is told the
 * kind and urgency after the commit, never the case; it cannot fail or delay the raise. An Ombuds
 * recused from a case neither sees its alerts nor can acknowledge them.
 */
public final class Alerts {
  /** The audit actor of alerts raised by the system rather than by a person. */
  public static final String SYSTEM = "system";

  private final AlertStore store;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final Notifier notifier;
  private final Function<String, Set<String>> recusedCases;

  /**
   * @param recusedCases the ids of the cases an account is recused from
   */
  public Alerts(
      AlertStore store,
      AuditLog audit,
      Transactions tx,
      Clock clock,
      Notifier notifier,
      Function<String, Set<String>> recusedCases) {
    this.store = Objects.requireNonNull(store);
    this.audit = Objects.requireNonNull(audit);
    this.tx = Objects.requireNonNull(tx);
    this.clock = Objects.requireNonNull(clock);
    this.notifier = Objects.requireNonNull(notifier);
    this.recusedCases = Objects.requireNonNull(recusedCases);
  }

  /**
   * Raises an alert; works while the office is locked. A case id that names no existing case (it
   * was destroyed meanwhile) is dropped rather than refused: an alert is never lost.
   *
   * @param caseId the case concerned, if any
   * @return the new alert's id
   * @throws IllegalArgumentException if {@code caseId} is not an identifier
   */
  public String raise(AlertKind kind, boolean urgent, Optional<String> caseId) {
    return raise(kind, urgent, caseId, Optional.empty());
  }

  /** As {@link #raise(AlertKind, boolean, Optional)}, for a check-in of a retaliation watch. */
  String raise(AlertKind kind, boolean urgent, Optional<String> caseId, Optional<String> watchId) {
    Objects.requireNonNull(kind, "kind");
    caseId.ifPresent(Alerts::requireId);
    watchId.ifPresent(Alerts::requireId);
    String id = Ids.newId();
    tx.run(
        () -> {
          Optional<String> known = caseId.filter(store::caseExists);
          store.insert(new Alert(id, kind, urgent, known, watchId, today(), Optional.empty()));
          String what = kind.name() + (urgent ? ":urgent" : "");
          // A visitor's step raised it: dated to the day and naming no alert (the alert's row
          // names the case), so the entry cannot tie a visit seen on the network to a case.
          audit.append(
              kind == AlertKind.CHECK_IN_DUE
                  ? new AuditEvent(AuditKind.ALERT_RAISED, SYSTEM, "alert:" + id, what)
                  : new AuditEvent(AuditKind.PORTAL_ALERT_RAISED, SYSTEM, "portal", what));
          tx.afterCommit(() -> notifier.attentionNeeded(kind, urgent));
        });
    return id;
  }

  /** Whether the alert exists and no Ombuds has acknowledged it yet. */
  public boolean isOpen(String alertId) {
    return Ids.isId(alertId)
        && store.find(alertId).map(a -> a.acknowledged().isEmpty()).orElse(false);
  }

  /** The open alerts {@code actorId} may see, newest first. */
  public List<Alert> open(String actorId) {
    Set<String> recused = recusedCases.apply(actorId);
    return store.open().stream().filter(a -> visible(a, recused)).toList();
  }

  /** The open alerts {@code actorId} may see, urgent ones first, then newest first. */
  public List<Alert> openUrgentFirst(String actorId) {
    return open(actorId).stream().sorted(Comparator.comparing((Alert a) -> !a.urgent())).toList();
  }

  /**
   * Acknowledges an open alert: it leaves the open list.
   *
   * @throws RetaliationException 404 when there is no such alert (or the actor is recused from its
   *     case), 409 when it was already acknowledged
   */
  public void acknowledge(String actorId, String alertId) {
    if (!Ids.isId(alertId)) {
      throw RetaliationException.notFound("alert");
    }
    Alert alert = store.find(alertId).orElseThrow(() -> RetaliationException.notFound("alert"));
    if (!visible(alert, recusedCases.apply(actorId))) {
      throw RetaliationException.notFound("alert");
    }
    boolean done =
        tx.inTransaction(
            () -> {
              if (!store.acknowledge(alertId, actorId, today())) {
                return false;
              }
              audit.append(
                  new AuditEvent(AuditKind.ALERT_ACKNOWLEDGED, actorId, "alert:" + alertId, "ok"));
              return true;
            });
    if (!done) {
      throw new RetaliationException(
          409, "already_acknowledged", "This alert was already acknowledged.");
    }
  }

  private static boolean visible(Alert a, Set<String> recused) {
    return a.caseId().map(c -> !recused.contains(c)).orElse(true);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  private static void requireId(String id) {
    if (!Ids.isId(id)) {
      throw new IllegalArgumentException("not an identifier");
    }
  }
}
