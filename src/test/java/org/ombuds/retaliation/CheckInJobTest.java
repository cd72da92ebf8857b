package org.ombuds.retaliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombuds.account.LoginResult;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.PersonInput;
import org.ombuds.casefile.PersonRole;
import org.ombuds.casefile.WorkUnit;
import org.ombuds.testing.MutableClock;
import org.ombuds.testing.TestOffice;
import org.ombuds.vault.Passphrase;

/** The due check-in job on a real office, with the clock pinned and moved by hand. */
class CheckInJobTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T10:00:00Z"));
  private TestOffice t;
  private String actor;
  private String caseId;
  private String personId;

  @BeforeEach
  void office() {
    t = TestOffice.create(Optional.empty(), clock);
    try (Passphrase p = Passphrase.of(TestOffice.PASSPHRASE)) {
      LoginResult.LoggedIn in =
          (LoginResult.LoggedIn)
              t.office.accounts().login(TestOffice.USERNAME, p, Optional.empty());
      actor = in.account().id();
    }
    caseId =
        t.office
            .cases()
            .create(
                actor,
                new NewCase(
                    "Safety concerns",
                    List.of("6a"),
                    new WorkUnit("Operations group", 8, List.of())));
    personId =
        t.office
            .cases()
            .addPerson(
                actor,
                caseId,
                new PersonInput(
                    PersonRole.VISITOR,
                    Optional.of("Jane Doe"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty()))
            .id();
  }

  @AfterEach
  void close() {
    t.close();
  }

  private LocalDate today() {
    return t.office.watches().today();
  }

  private Watch agree(int untilDays, int... checkIns) {
    List<LocalDate> days = java.util.Arrays.stream(checkIns).mapToObj(today()::plusDays).toList();
    return t.office
        .watches()
        .agree(actor, caseId, personId, new WatchTerms(today().plusDays(untilDays), days));
  }

  private List<Alert> checkInAlerts() {
    return t.office.alerts().open(actor).stream()
        .filter(a -> a.kind() == AlertKind.CHECK_IN_DUE)
        .toList();
  }

  @Test
  void a_check_in_raises_one_non_urgent_alert_on_its_day_and_never_again() {
    Watch w = agree(30, 1, 3);
    assertThat(t.office.watches().raiseDue()).as("nothing due yet").isZero();
    assertThat(checkInAlerts()).isEmpty();

    clock.advance(Duration.ofDays(1));
    assertThat(t.office.watches().raiseDue()).isEqualTo(1);
    List<Alert> alerts = checkInAlerts();
    assertThat(alerts).hasSize(1);
    Alert a = alerts.get(0);
    assertThat(a.urgent()).isFalse();
    assertThat(a.caseId()).contains(caseId);
    assertThat(a.watchId()).contains(w.id());
    assertThat(a.raisedOn()).isEqualTo(today());

    assertThat(t.office.watches().raiseDue()).as("idempotent").isZero();
    clock.advance(Duration.ofHours(5));
    assertThat(t.office.watches().raiseDue()).as("same day, later").isZero();
    assertThat(checkInAlerts()).hasSize(1);

    clock.advance(Duration.ofDays(5));
    assertThat(t.office.watches().raiseDue()).as("the second check-in, overdue").isEqualTo(1);
    assertThat(t.office.watches().raiseDue()).isZero();
    assertThat(checkInAlerts()).hasSize(2);
  }

  @Test
  void an_acknowledged_check_in_alert_is_not_raised_again() {
    agree(30, 1);
    clock.advance(Duration.ofDays(1));
    t.office.watches().raiseDue();
    t.office.alerts().acknowledge(actor, checkInAlerts().get(0).id());
    clock.advance(Duration.ofDays(1));
    assertThat(t.office.watches().raiseDue()).isZero();
    assertThat(checkInAlerts()).isEmpty();
  }

  @Test
  void a_check_in_done_before_its_day_raises_no_alert() {
    Watch w = agree(30, 2);
    t.office.watches().checkInDone(actor, w.id(), today().plusDays(2));
    clock.advance(Duration.ofDays(3));
    assertThat(t.office.watches().raiseDue()).isZero();
    assertThat(checkInAlerts()).isEmpty();
  }

  @Test
  void an_ended_watch_raises_no_alert() {
    Watch w = agree(30, 2);
    t.office.watches().end(actor, w.id());
    clock.advance(Duration.ofDays(3));
    assertThat(t.office.watches().raiseDue()).isZero();
    assertThat(checkInAlerts()).isEmpty();
  }

  @Test
  void the_job_runs_while_the_office_is_locked() {
    agree(30, 1);
    t.office.sessions().closeAllOf(actor);
    assertThat(t.office.sessions().keys()).isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(t.office.watches().raiseDue()).isEqualTo(1);
  }

  @Test
  void concurrent_runs_raise_each_alert_once() throws Exception {
    agree(30, 1, 2, 3);
    clock.advance(Duration.ofDays(4));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Integer> run = () -> t.office.watches().raiseDue();
      List<Future<Integer>> runs = pool.invokeAll(List.of(run, run, run, run));
      int total = 0;
      for (Future<Integer> f : runs) {
        total += f.get();
      }
      assertThat(total).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
    assertThat(checkInAlerts()).hasSize(3);
  }
}
