package org.ombuds.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditHashingTest {

  private static final Instant AT = Instant.parse("2025-03-01T09:00:00.123Z");
  private static final byte[] ZERO = new byte[32];

  @Test
  void fieldBoundariesAreUnambiguous() {
    byte[] a = AuditHashing.entryHash(1, AT, AuditKind.LOGOUT, "ab", "c", "", ZERO);
    byte[] b = AuditHashing.entryHash(1, AT, AuditKind.LOGOUT, "a", "bc", "", ZERO);
    byte[] c = AuditHashing.entryHash(1, AT, AuditKind.LOGOUT, "a", "b", "c", ZERO);

    assertThat(a).isNotEqualTo(b);
    assertThat(b).isNotEqualTo(c);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void everyFieldIsHashed() {
    byte[] base = AuditHashing.entryHash(1, AT, AuditKind.LOGOUT, "a", "b", "c", ZERO);

    assertThat(AuditHashing.entryHash(2, AT, AuditKind.LOGOUT, "a", "b", "c", ZERO))
        .isNotEqualTo(base);
    assertThat(AuditHashing.entryHash(1, AT.plusNanos(1), AuditKind.LOGOUT, "a", "b", "c", ZERO))
        .isNotEqualTo(base);
    assertThat(AuditHashing.entryHash(1, AT, AuditKind.LOGIN_FAILED, "a", "b", "c", ZERO))
        .isNotEqualTo(base);
    assertThat(
            AuditHashing.entryHash(
                1, AT, AuditKind.LOGOUT, "a", "b", "c", EntryEdits.flipBit(ZERO, 255)))
        .isNotEqualTo(base);
  }

  @Test
  void entryEncodingIsPinnedSoStoredLogsKeepVerifying() {
    // Computed independently from the documented encoding. If this fails, the encoding changed
    // and every existing log stops verifying.
    byte[] hash =
        AuditHashing.entryHash(7, AT, AuditKind.CASE_OPENED, "user:1", "case:2025-001", "ok", ZERO);

    assertThat(HexFormat.of().formatHex(hash))
        .isEqualTo("6c7fc19467b0e8788525a96490bca9efffc2c1331650ef2d62e2fe2ab9367c7a");
  }

  @Test
  void headMacInputDiffersFromAnyEntryHashInput() {
    byte[] hash = new byte[32];

    assertThat(AuditHashing.headMacInput(1, hash)).isNotEqualTo(hash).hasSize(4 + 20 + 8 + 4 + 32);
  }
}
