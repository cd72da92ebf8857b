package org.ombuds.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A global token bucket: {@code capacity} tokens, one more every {@code refill}. Keyed by nothing
 * (no IP address is ever looked at): it bounds how fast the whole portal can be asked something,
 * and refills by itself once a flood stops. Thread-safe.
 */
final class TokenBucket {
  private final Clock clock;
  private final long cost;
  private final long full;
  private long credit; // in nanoseconds of refill time: one token costs one refill period
  private Instant last;

  TokenBucket(Clock clock, int capacity, Duration refill) {
    this.clock = clock;
    this.cost = refill.toNanos();
    this.full = cost * capacity;
    this.credit = full;
    this.last = clock.instant();
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      long elapsed = Duration.between(last, now).toNanos();
      credit = Math.min(full, credit + Math.min(elapsed, full + full));
      last = now;
    }
  }

  /** How long until a token is there; empty if one is there now (it is not taken). */
  synchronized Optional<Duration> waitNeeded() {
    refill();
    return credit >= cost ? Optional.empty() : Optional.of(Duration.ofNanos(cost - credit));
  }

  /** Takes a token if there is one. */
  synchronized boolean tryTake() {
    refill();
    if (credit >= cost) {
      credit -= cost;
      return true;
    }
    return false;
  }

  /** Gives back a token taken by {@link #tryTake()} (never above capacity). */
  synchronized void giveBack() {
    refill();
    credit = Math.min(full, credit + cost);
  }
}
