package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.MutableClock;

class AlertThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final AlertThrottle throttle = new AlertThrottle(clock);

  @Test
  void one_alert_per_thread_and_kind_in_ten_minutes() {
    assertThat(throttle.allow("t1", AlertThrottle.Kind.RETALIATION)).isTrue();
    assertThat(throttle.allow("t1", AlertThrottle.Kind.RETALIATION)).isFalse();
    clock.advance(Duration.ofMinutes(9));
    assertThat(throttle.allow("t1", AlertThrottle.Kind.RETALIATION)).isFalse();
    assertThat(throttle.allow("t1", AlertThrottle.Kind.MESSAGE)).as("another kind").isTrue();
    assertThat(throttle.allow("t2", AlertThrottle.Kind.RETALIATION)).as("another thread").isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.allow("t1", AlertThrottle.Kind.RETALIATION)).as("ten minutes on").isTrue();
    assertThat(throttle.allow("t1", AlertThrottle.Kind.RETALIATION)).isFalse();
  }

  @Test
  void refused_attempts_do_not_extend_the_window() {
    assertThat(throttle.allow("t1", AlertThrottle.Kind.MESSAGE)).isTrue();
    for (int i = 0; i < 9; i++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(throttle.allow("t1", AlertThrottle.Kind.MESSAGE)).isFalse();
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(throttle.allow("t1", AlertThrottle.Kind.MESSAGE)).isTrue();
  }

  @Test
  void many_threads_are_all_alerted_and_old_entries_are_dropped() {
    for (int i = 0; i < 1_500; i++) {
      assertThat(throttle.allow("t" + i, AlertThrottle.Kind.MESSAGE)).isTrue();
    }
    clock.advance(AlertThrottle.WINDOW);
    assertThat(throttle.allow("t0", AlertThrottle.Kind.MESSAGE)).isTrue();
    assertThat(throttle.allow("new", AlertThrottle.Kind.MESSAGE)).isTrue();
  }
}
