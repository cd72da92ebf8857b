package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.MutableClock;

class AlertThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final AlertThrottle throttle = new AlertThrottle(clock);

  /** Alerts raised by {@link #allow}, and those an Ombuds acknowledged. */
  private final Set<String> acknowledged = new HashSet<>();

  private int raised;

  /** As the portal does: asks, and when allowed raises an alert (still open) and notes its id. */
  private boolean allow(String thread, AlertThrottle.Kind kind) {
    if (!throttle.allow(thread, kind, id -> !acknowledged.contains(id))) {
      return false;
    }
    throttle.raised(thread, kind, "alert-" + ++raised);
    return true;
  }

  @Test
  void once_the_alert_is_acknowledged_the_next_report_alerts_at_once() {
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).as("still open").isFalse();
    acknowledged.add("alert-" + raised);
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).as("acknowledged").isTrue();
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).as("the new one is open").isFalse();
  }

  @Test
  void an_alert_that_failed_to_be_raised_covers_nothing() {
    assertThat(throttle.allow("t1", AlertThrottle.Kind.RETALIATION, id -> true)).isTrue();
    throttle.failed("t1", AlertThrottle.Kind.RETALIATION);
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).as("the next report alerts").isTrue();
    // Once an alert was raised, a later failure to note something does not drop it.
    throttle.failed("t1", AlertThrottle.Kind.RETALIATION);
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).isFalse();
  }

  @Test
  void while_an_alert_is_being_raised_a_concurrent_report_waits_for_it() {
    assertThat(throttle.allow("t1", AlertThrottle.Kind.RETALIATION, id -> false)).isTrue();
    // No id noted yet: the first alert is still being raised, so this one is covered by it.
    assertThat(throttle.allow("t1", AlertThrottle.Kind.RETALIATION, id -> false)).isFalse();
  }

  @Test
  void one_alert_per_thread_and_kind_in_ten_minutes() {
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).isTrue();
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).isFalse();
    clock.advance(Duration.ofMinutes(9));
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).isFalse();
    assertThat(allow("t1", AlertThrottle.Kind.MESSAGE)).as("another kind").isTrue();
    assertThat(allow("t2", AlertThrottle.Kind.RETALIATION)).as("another thread").isTrue();
    clock.advance(Duration.ofMinutes(1));
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).as("ten minutes on").isTrue();
    assertThat(allow("t1", AlertThrottle.Kind.RETALIATION)).isFalse();
  }

  @Test
  void refused_attempts_do_not_extend_the_window() {
    assertThat(allow("t1", AlertThrottle.Kind.MESSAGE)).isTrue();
    for (int i = 0; i < 9; i++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(allow("t1", AlertThrottle.Kind.MESSAGE)).isFalse();
    }
    clock.advance(Duration.ofMinutes(1));
    assertThat(allow("t1", AlertThrottle.Kind.MESSAGE)).isTrue();
  }

  @Test
  void many_threads_are_all_alerted_and_old_entries_are_dropped() {
    for (int i = 0; i < 1_500; i++) {
      assertThat(allow("t" + i, AlertThrottle.Kind.MESSAGE)).isTrue();
    }
    clock.advance(AlertThrottle.WINDOW);
    assertThat(allow("t0", AlertThrottle.Kind.MESSAGE)).isTrue();
    assertThat(allow("new", AlertThrottle.Kind.MESSAGE)).isTrue();
  }
}
