package org.ombuds.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down passphrase guessing: after {@value #FREE_ATTEMPTS} failed logins for one username,
 * each further attempt must wait twice as long as the one before (1 s, 2 s, 4 s ... up to {@link
 * #MAX_DELAY}). The key is the username as typed, whether or not such an account exists, so the
 * throttle itself reveals nothing. A success clears the count. At most {@value #MAX_TRACKED} names
 * are tracked; the oldest are forgotten first.
 */
public final class LoginThrottle {
  static final int FREE_ATTEMPTS = 3;
  static final Duration MAX_DELAY = Duration.ofMinutes(5);
  static final int MAX_TRACKED = 10_000;

  private record Failures(int count, Instant lastFailure) {}

  private final Clock clock;
  private final Map<String, Failures> failures =
      new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
          return size() > MAX_TRACKED;
        }
      };

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long the caller must still wait before trying {@code key} again, if at all. */
  public synchronized Optional<Duration> waitFor(String key) {
    Failures f = failures.get(key);
    if (f == null || f.count() < FREE_ATTEMPTS) {
      return Optional.empty();
    }
    Instant allowedAt = f.lastFailure().plus(delayAfter(f.count()));
    Instant now = clock.instant();
    return now.isBefore(allowedAt)
        ? Optional.of(Duration.between(now, allowedAt))
        : Optional.empty();
  }

  /** Records a failed attempt. */
  public synchronized void failed(String key) {
    Failures f = failures.get(key);
    failures.put(key, new Failures(f == null ? 1 : f.count() + 1, clock.instant()));
  }

  /** Records a successful login: the count starts again. */
  public synchronized void succeeded(String key) {
    failures.remove(key);
  }

  static Duration delayAfter(int failureCount) {
    int doublings = Math.min(failureCount - FREE_ATTEMPTS, 20);
    Duration d = Duration.ofSeconds(1L << doublings);
    return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
  }
}
