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
  private final int capacity;
  private final Duration refill;
  private double tokens;
  private Instant last;

  TokenBucket(Clock clock, int capacity, Duration refill) {
    this.clock = clock;
    this.capacity = capacity;
    this.refill = refill;
    this.tokens = capacity;
    this.last = clock.instant();
  }

  private void refill() {
    Instant now = clock.instant();
    if (now.isAfter(last)) {
      double added = (double) Duration.between(last, now).toNanos() / refill.toNanos();
      tokens = Math.min(capacity, tokens + added);
      last = now;
    }
  }

  /** How long until a token is there; empty if one is there now (it is not taken). */
  synchronized Optional<Duration> waitNeeded() {
    refill();
    if (tokens >= 1) {
      return Optional.empty();
    }
    long nanos = (long) Math.ceil((1 - tokens) * refill.toNanos());
    return Optional.of(Duration.ofNanos(nanos));
  }

  /** Takes a token if there is one. */
  synchronized boolean tryTake() {
    refill();
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Takes a token even if none is left (the balance may go below zero, down to -capacity). */
  synchronized void take() {
    refill();
    tokens = Math.max(-capacity, tokens - 1);
  }
}
