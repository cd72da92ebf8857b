package org.ombuds.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.MutableClock;
import org.ombuds.vault.KdfParams;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Vault;
import org.ombuds.vault.WrappedOfficeKey;

class SessionsTest {
  private static final OfficeKeys KEYS = new Vault().createOffice().keys();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T09:00:00Z"));
  private final List<Sessions.End> ended = new ArrayList<>();
  private final AtomicInteger locks = new AtomicInteger();
  private final Sessions sessions =
      new Sessions(clock, (s, why) -> ended.add(why), locks::incrementAndGet);

  private static Account account(String id) {
    return new Account(
        id,
        new Username("user" + id.charAt(0)),
        new WrappedOfficeKey(new byte[16], KdfParams.DEFAULT, new byte[64]),
        Optional.empty(),
        "en",
        true,
        Instant.EPOCH);
  }

  @Test
  void tokens_are_kept_only_as_hashes_and_print_redacted() {
    SessionToken t = sessions.open(account("1"), KEYS, false);
    assertThat(t.toString()).isEqualTo("[REDACTED]");
    assertThat(t.hash()).doesNotContain(t.reveal()).hasSize(64);
    assertThat(sessions.use(t))
        .hasValueSatisfying(s -> assertThat(s.tokenHash()).isEqualTo(t.hash()));
    assertThat(sessions.use(SessionToken.of(t.reveal() + "x"))).isEmpty();
  }

  @Test
  void keys_live_exactly_while_a_session_is_open() {
    assertThat(sessions.keys()).isEmpty();
    SessionToken a = sessions.open(account("1"), KEYS, false);
    SessionToken b = sessions.open(account("2"), KEYS, false);
    assertThat(sessions.keys()).isPresent();
    sessions.close(a);
    assertThat(sessions.keys()).as("another session is open").isPresent();
    assertThat(locks).hasValue(0);
    sessions.close(b);
    assertThat(sessions.keys()).isEmpty();
    assertThat(locks).hasValue(1);
    assertThat(ended).containsExactly(Sessions.End.LOGOUT, Sessions.End.LOGOUT);
  }

  @Test
  void use_keeps_a_session_alive_and_idleness_ends_it() {
    SessionToken t = sessions.open(account("1"), KEYS, false);
    clock.advance(Duration.ofMinutes(20));
    assertThat(sessions.use(t)).isPresent();
    clock.advance(Duration.ofMinutes(20));
    assertThat(sessions.use(t)).isPresent();
    clock.advance(Sessions.IDLE_LIMIT.plusSeconds(1));
    assertThat(sessions.use(t)).isEmpty();
    assertThat(ended).containsExactly(Sessions.End.EXPIRED);
    assertThat(sessions.keys()).isEmpty();
  }

  @Test
  void closing_all_sessions_of_an_account_leaves_the_others() {
    SessionToken a = sessions.open(account("1"), KEYS, false);
    SessionToken b = sessions.open(account("2"), KEYS, false);
    sessions.closeAllOf("1");
    assertThat(sessions.use(a)).isEmpty();
    assertThat(sessions.use(b)).isPresent();
  }

  @Test
  void the_csrf_token_is_derived_from_but_different_from_the_session_token() {
    SessionToken t = SessionToken.generate();
    assertThat(t.csrfToken())
        .isNotEqualTo(t.reveal())
        .isEqualTo(SessionToken.of(t.reveal()).csrfToken());
    assertThat(SessionToken.generate().csrfToken()).isNotEqualTo(t.csrfToken());
  }
}
