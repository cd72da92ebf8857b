package org.ombuds.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves forward by a fixed step (with sub-millisecond noise) at each reading. */
final class StepClock extends Clock {
  private final AtomicLong nanos;
  private final long stepNanos;

  StepClock(Instant start, long stepNanos) {
    this.nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    this.stepNanos = stepNanos;
  }

  static StepClock startingAt2025() {
    return new StepClock(Instant.parse("2025-03-01T09:00:00.123456789Z"), 1_234_567_891L);
  }

  @Override
  public Instant instant() {
    long n = nanos.getAndAdd(stepNanos);
    return Instant.ofEpochSecond(0, n);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
