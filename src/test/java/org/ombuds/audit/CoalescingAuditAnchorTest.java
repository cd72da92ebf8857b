package org.ombuds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoalescingAuditAnchorTest {
  /** Records every head written to it. */
  private static final class Recording implements AuditAnchor {
    final List<Long> written = new ArrayList<>();
    private Optional<Head> head = Optional.empty();

    @Override
    public synchronized Optional<Head> read() {
      return head;
    }

    @Override
    public synchronized void write(Head h) {
      written.add(h.seq());
      head = Optional.of(h);
    }
  }

  private static AuditAnchor.Head head(long seq) {
    return new AuditAnchor.Head(seq, new byte[32], new byte[32]);
  }

  @Test
  void the_newest_head_is_readable_at_once_and_written_on_close() {
    Recording target = new Recording();
    try (CoalescingAuditAnchor anchor = new CoalescingAuditAnchor(target, Duration.ofSeconds(30))) {
      anchor.write(head(1));
      anchor.write(head(2));
      assertThat(anchor.read()).hasValueSatisfying(h -> assertThat(h.seq()).isEqualTo(2));
      assertThat(target.written).as("not yet: the delay has not passed").isEmpty();
    }
    assertThat(target.written).containsExactly(2L);
  }

  @Test
  void a_burst_of_heads_costs_one_write_soon_after() throws InterruptedException {
    Recording target = new Recording();
    try (CoalescingAuditAnchor anchor = new CoalescingAuditAnchor(target, Duration.ofMillis(50))) {
      for (long seq = 1; seq <= 100; seq++) {
        anchor.write(head(seq));
      }
      for (int i = 0; i < 200 && target.read().map(AuditAnchor.Head::seq).orElse(0L) < 100; i++) {
        Thread.sleep(10);
      }
      assertThat(target.read()).hasValueSatisfying(h -> assertThat(h.seq()).isEqualTo(100));
      assertThat(target.written.size()).isLessThan(10);
    }
  }

  @Test
  void an_older_head_is_never_written_after_a_newer_one() {
    Recording target = new Recording();
    CoalescingAuditAnchor anchor = new CoalescingAuditAnchor(target, Duration.ofSeconds(30));
    anchor.write(head(5));
    anchor.flush();
    anchor.write(head(3));
    anchor.close();
    assertThat(target.written).containsExactly(5L);
  }

  @Test
  void with_nothing_written_it_reads_the_underlying_head() {
    Recording target = new Recording();
    target.write(head(7));
    try (CoalescingAuditAnchor anchor = new CoalescingAuditAnchor(target, Duration.ofMillis(10))) {
      assertThat(anchor.read()).hasValueSatisfying(h -> assertThat(h.seq()).isEqualTo(7));
    }
  }
}
