package org.ombuds.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * At most one open alert per thread and kind raised in {@link #WINDOW}. A visitor holding a receipt
 * can send as many reports as they like, and each is kept; but each urgent alert also sends an
 * e-mail that is never suppressed, so one receipt must not flood the dashboard and the mailbox.
 * Within the window, the alert already raised for that thread still stands for the newer reports
 * (the thread shows them as unread) as long as no Ombuds has acknowledged it: once one has, the
 * next report raises a new alert at once, since the Ombuds has not seen it.
 *
 * <p>In memory only: a restart forgets the window, which at worst raises one alert more. Holds
 * thread and alert ids, never content; entries older than the window are dropped as the map grows.
 * Thread-safe.
 */
final class AlertThrottle {
  static final Duration WINDOW = Duration.ofMinutes(10);

  /** Beyond this many entries, the expired ones are dropped. */
  private static final int PRUNE_AT = 1_000;

  /** What an alert is about, for the throttle's key. */
  enum Kind {
    MESSAGE,
    RETALIATION
  }

  /** An alert raised at {@code at}; its id once known (empty while it is being raised). */
  private record Raised(Instant at, Optional<String> alertId) {}

  private final Clock clock;
  private final Map<String, Raised> lastRaised = new ConcurrentHashMap<>();

  AlertThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Whether a new alert of {@code kind} may be raised for {@code threadId} now; if so, noted (then
   * tell {@link #raised} its id).
   *
   * @param isOpen whether an alert (by id) is still unacknowledged
   */
  boolean allow(String threadId, Kind kind, Predicate<String> isOpen) {
    Instant now = clock.instant();
    boolean[] allowed = {false};
    lastRaised.compute(
        key(threadId, kind),
        (k, before) -> {
          if (before == null
              || !now.isBefore(before.at().plus(WINDOW))
              || before.alertId().map(id -> !isOpen.test(id)).orElse(false)) {
            allowed[0] = true;
            return new Raised(now, Optional.empty());
          }
          return before;
        });
    if (lastRaised.size() > PRUNE_AT) {
      lastRaised.values().removeIf(r -> !now.isBefore(r.at().plus(WINDOW)));
    }
    return allowed[0];
  }

  /** Notes the id of the alert that {@link #allow} let through. */
  void raised(String threadId, Kind kind, String alertId) {
    lastRaised.computeIfPresent(
        key(threadId, kind), (k, r) -> new Raised(r.at(), Optional.of(alertId)));
  }

  /** Forgets the attempt that {@link #allow} let through when raising its alert failed. */
  void failed(String threadId, Kind kind) {
    lastRaised.computeIfPresent(key(threadId, kind), (k, r) -> r.alertId().isEmpty() ? null : r);
  }

  private static String key(String threadId, Kind kind) {
    return threadId + "|" + kind.name();
  }
}
