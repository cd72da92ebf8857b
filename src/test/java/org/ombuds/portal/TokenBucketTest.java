package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.MutableClock;

class TokenBucketTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

  @Test
  void a_full_bucket_gives_its_capacity_then_refuses_and_says_how_long_to_wait() {
    TokenBucket b = new TokenBucket(clock, 3, Duration.ofSeconds(3));
    for (int i = 0; i < 3; i++) {
      assertThat(b.waitNeeded()).isEmpty();
      assertThat(b.tryTake()).isTrue();
    }
    assertThat(b.tryTake()).isFalse();
    assertThat(b.waitNeeded()).contains(Duration.ofSeconds(3));
    clock.advance(Duration.ofSeconds(1));
    assertThat(b.waitNeeded()).contains(Duration.ofSeconds(2));
  }

  @Test
  void it_refills_once_the_flood_stops_but_never_above_capacity() {
    TokenBucket b = new TokenBucket(clock, 2, Duration.ofSeconds(3));
    assertThat(b.tryTake()).isTrue();
    assertThat(b.tryTake()).isTrue();
    assertThat(b.tryTake()).isFalse();
    clock.advance(Duration.ofSeconds(3));
    assertThat(b.tryTake()).isTrue();
    clock.advance(Duration.ofHours(1));
    assertThat(b.tryTake()).isTrue();
    assertThat(b.tryTake()).isTrue();
    assertThat(b.tryTake()).as("capacity 2").isFalse();
  }

  @Test
  void a_token_given_back_is_there_again_but_never_above_capacity() {
    TokenBucket b = new TokenBucket(clock, 1, Duration.ofSeconds(3));
    assertThat(b.tryTake()).isTrue();
    assertThat(b.tryTake()).isFalse();
    b.giveBack();
    assertThat(b.tryTake()).isTrue();
    b.giveBack();
    b.giveBack();
    assertThat(b.tryTake()).isTrue();
    assertThat(b.tryTake()).as("capacity 1").isFalse();
  }
}
