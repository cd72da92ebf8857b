package org.ombuds.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most one new alert per thread and kind in {@link #WINDOW}. A visitor holding a receipt can
 * send as many reports as they like, and each is kept; but each urgent alert also sends an e-mail
 * that is never suppressed, so one receipt must not flood the dashboard and the mailbox. Within the
 * window, the alert already raised for that thread still stands for the newer reports (the thread
 * shows them as unread).
 *
 * <p>In memory only: a restart forgets the window, which at worst raises one alert more. Holds
 * thread ids, never content; entries older than the window are dropped as the map grows.
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

  private final Clock clock;
  private final Map<String, Instant> lastRaised = new ConcurrentHashMap<>();

  AlertThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Whether a new alert of {@code kind} may be raised for {@code threadId} now; if so, noted. */
  boolean allow(String threadId, Kind kind) {
    Instant now = clock.instant();
    boolean[] allowed = {false};
    lastRaised.compute(
        threadId + "|" + kind.name(),
        (k, before) -> {
          if (before == null || !now.isBefore(before.plus(WINDOW))) {
            allowed[0] = true;
            return now;
          }
          return before;
        });
    if (lastRaised.size() > PRUNE_AT) {
      lastRaised.values().removeIf(t -> !now.isBefore(t.plus(WINDOW)));
    }
    return allowed[0];
  }
}
