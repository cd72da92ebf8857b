package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.MutableClock;
import org.ombuds.vault.PortalVault;

class PortalSessionsTest {
  private static final PortalVault VAULT = new PortalVault();
  private static final byte[] SALT = VAULT.newSalt();
  private static final PortalVault.ReceiptProof PROOF = VAULT.derive(VAULT.newReceipt(), SALT);
  private static final PortalVault.ThreadRecord THREAD = VAULT.newThread(PROOF, "t1");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));

  private static PortalVault.ThreadKey key() {
    return VAULT.open(PROOF, "t1", THREAD.verifier(), THREAD.wrappedPrivate()).orElseThrow();
  }

  @Test
  void a_session_sees_its_thread_until_fifteen_idle_minutes() {
    PortalSessions s = new PortalSessions(clock);
    String token = s.open(key());
    assertThat(s.use(token).orElseThrow().threadId()).isEqualTo("t1");
    clock.advance(Duration.ofMinutes(14));
    assertThat(s.use(token)).isPresent();
    clock.advance(PortalSessions.IDLE_LIMIT.plusSeconds(1));
    assertThat(s.use(token)).isEmpty();
    assertThat(s.count()).isZero();
  }

  @Test
  void unknown_empty_or_closed_tokens_see_nothing() {
    PortalSessions s = new PortalSessions(clock);
    String token = s.open(key());
    assertThat(s.use(null)).isEmpty();
    assertThat(s.use("")).isEmpty();
    assertThat(s.use(token + "x")).isEmpty();
    s.close(token);
    assertThat(s.use(token)).isEmpty();
  }

  @Test
  void the_receipt_is_kept_for_one_showing_only() {
    PortalSessions s = new PortalSessions(clock);
    String token = s.open(key());
    s.keepReceiptToShow(token, "ABCD");
    VisitorSession v = s.use(token).orElseThrow();
    assertThat(s.takeReceiptToShow(v)).contains("ABCD");
    assertThat(s.takeReceiptToShow(v)).isEmpty();
    assertThat(v.toString()).doesNotContain(token);
  }

  @Test
  void the_form_token_depends_on_the_session_token() {
    assertThat(PortalSessions.csrfToken("a")).isNotEqualTo(PortalSessions.csrfToken("b"));
    assertThat(PortalSessions.csrfToken("a")).isEqualTo(PortalSessions.csrfToken("a"));
  }
}
