package org.ombuds.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ombuds.testing.MutableClock;

class LoginThrottleTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void the_first_three_failures_are_free() {
    for (int i = 0; i < 2; i++) {
      throttle.failed("jo");
      assertThat(throttle.waitFor("jo")).isEmpty();
    }
  }

  @Test
  void after_three_failures_each_attempt_waits_twice_as_long() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("jo");
    }
    assertThat(throttle.waitFor("jo")).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("jo")).isEmpty();
    throttle.failed("jo");
    assertThat(throttle.waitFor("jo")).contains(Duration.ofSeconds(2));
    clock.advance(Duration.ofMillis(1500));
    assertThat(throttle.waitFor("jo")).contains(Duration.ofMillis(500));
  }

  @ParameterizedTest
  @CsvSource({"3,1", "4,2", "5,4", "10,128", "11,256", "12,300", "40,300"})
  void delays_double_up_to_five_minutes(int failures, long seconds) {
    assertThat(LoginThrottle.delayAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
  }

  @Test
  void a_success_clears_the_count_and_names_do_not_affect_each_other() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("jo");
    }
    assertThat(throttle.waitFor("sam")).isEmpty();
    throttle.succeeded("jo");
    assertThat(throttle.waitFor("jo")).isEmpty();
  }
}
