package org.ombuds.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.MutableClock;
import org.ombuds.testing.TestOffice;
import org.ombuds.vault.PortalVault;
import org.ombuds.vault.Receipt;

/**
 * The receipt hint prefilter on a real office (SQLite), calling the portal directly: wrong receipts
 * whose hint no thread has are refused without the slow hash, and threads made before the hint
 * existed keep the prefilter off until they are opened once. Slow hashes are counted, never timed.
 */
class PortalPrefilterTest {
  private static final PortalVault VAULT = new PortalVault();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private TestOffice t;
  private Portal portal;

  @BeforeEach
  void office() {
    t = TestOffice.create(Optional.empty(), clock);
    portal = t.office.portal();
  }

  @AfterEach
  void close() {
    t.close();
  }

  private String contact(String message) {
    return portal
        .contact(new Views.Contact(message, Optional.empty(), Optional.empty(), Optional.empty()))
        .receipt();
  }

  private Connection sql() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + t.dir.resolve("ombuds.db"));
  }

  private Set<String> storedHints() throws SQLException {
    Set<String> hints = new HashSet<>();
    try (Connection c = sql();
        ResultSet rs = c.createStatement().executeQuery("SELECT hint FROM portal_thread")) {
      while (rs.next()) {
        hints.add(rs.getString(1));
      }
    }
    return hints;
  }

  private void clearHints() throws SQLException {
    try (Connection c = sql()) {
      c.createStatement().executeUpdate("UPDATE portal_thread SET hint = NULL, mac = NULL");
    }
    retagAsAnUpgradeDoes();
  }

  /** Threads made by an earlier release are tagged when it is first opened by this one. */
  private void retagAsAnUpgradeDoes() {
    var db = t.office.db();
    db.inTransaction(() -> db.withHandleForMaintenance(h -> db.tags().tagUntagged(h)));
  }

  private void setHints(String hint) throws SQLException {
    try (Connection c = sql();
        PreparedStatement ps =
            c.prepareStatement("UPDATE portal_thread SET hint = ?, mac = NULL")) {
      ps.setString(1, hint);
      ps.executeUpdate();
    }
    retagAsAnUpgradeDoes();
  }

  private byte[] salt() throws SQLException {
    try (Connection c = sql();
        ResultSet rs = c.createStatement().executeQuery("SELECT salt FROM portal_salt")) {
      assertThat(rs.next()).isTrue();
      return rs.getBytes(1);
    }
  }

  /** A well-typed receipt whose hint no stored thread has. */
  private String unmatched() throws SQLException {
    Set<String> hints = storedHints();
    byte[] salt = salt();
    String r;
    do {
      r = VAULT.newReceipt().reveal();
    } while (hints.contains(VAULT.hint(Receipt.parse(r), salt)));
    return r;
  }

  private static void assertWrong(Runnable attempt) {
    assertThatThrownBy(attempt::run)
        .isInstanceOfSatisfying(
            PortalException.class, e -> assertThat(e.code()).isEqualTo("wrong_receipt"))
        .hasMessage(
            "This receipt opens no conversation. Check it against what you wrote down and try"
                + " again.");
  }

  @Test
  void every_new_thread_stores_the_hint_of_its_receipt() throws SQLException {
    String real = contact("hello");
    assertThat(storedHints()).containsExactly(VAULT.hint(Receipt.parse(real), salt()));
  }

  @Test
  void a_wrong_receipt_whose_hint_no_thread_has_is_refused_without_the_slow_hash()
      throws SQLException {
    String real = contact("hello");
    long before = portal.slowHashes();
    for (int i = 0; i < Portal.FAILURES * 3; i++) {
      String wrong = unmatched();
      assertWrong(() -> portal.openSession(wrong));
    }
    assertThat(portal.slowHashes()).as("no Argon2id run for a refused hint").isEqualTo(before);
    assertThat(portal.openSession(real)).as("the slow bucket was never drained").isNotBlank();
    assertThat(portal.slowHashes()).isEqualTo(before + 1);
  }

  @Test
  void fast_refusals_have_their_own_bucket_and_the_right_receipt_still_opens_when_it_is_empty()
      throws SQLException {
    String real = contact("hello");
    String wrong = unmatched();
    for (int i = 0; i < Portal.FAST_REFUSALS; i++) {
      assertWrong(() -> portal.openSession(wrong));
    }
    assertThatThrownBy(() -> portal.openSession(wrong))
        .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.status()).isEqualTo(429));
    assertThat(portal.openSession(real)).isNotBlank();
    clock.advance(Portal.FAST_REFILL);
    assertWrong(() -> portal.openSession(wrong));
  }

  @Test
  void a_wrong_receipt_whose_hint_matches_takes_the_slow_path_and_its_bucket() throws SQLException {
    contact("hello");
    String wrong = unmatched();
    setHints(VAULT.hint(Receipt.parse(wrong), salt()));
    long before = portal.slowHashes();
    for (int i = 0; i < Portal.FAILURES; i++) {
      assertWrong(() -> portal.openSession(wrong));
    }
    assertThat(portal.slowHashes()).isEqualTo(before + Portal.FAILURES);
    assertThatThrownBy(() -> portal.openSession(wrong))
        .isInstanceOfSatisfying(PortalException.class, e -> assertThat(e.status()).isEqualTo(429));
  }

  @Test
  void a_thread_made_before_hints_keeps_the_prefilter_off_until_it_is_opened_once()
      throws SQLException {
    String old = contact("before the hints");
    clearHints();
    String fresh = contact("after the hints");
    long before = portal.slowHashes();

    String wrong = unmatched();
    assertWrong(() -> portal.openSession(wrong));
    assertThat(portal.slowHashes()).as("prefilter off: a NULL hint exists").isEqualTo(before + 1);

    assertThat(portal.openSession(old)).isNotBlank();
    assertThat(storedHints())
        .as("opening the old thread filled its hint in")
        .containsExactlyInAnyOrder(
            VAULT.hint(Receipt.parse(old), salt()), VAULT.hint(Receipt.parse(fresh), salt()));

    long now = portal.slowHashes();
    String another = unmatched();
    assertWrong(() -> portal.openSession(another));
    assertThat(portal.slowHashes()).as("prefilter on by itself").isEqualTo(now);
    assertThat(portal.openSession(old)).isNotBlank();
    assertThat(portal.openSession(fresh)).isNotBlank();
  }
}
