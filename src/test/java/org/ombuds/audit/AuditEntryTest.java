package org.ombuds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final Instant AT = Instant.parse("2025-03-01T09:00:00.123Z");

  private static AuditEntry entry(byte[] prev, byte[] hash, byte[] mac) {
    return new AuditEntry(1, AT, AuditKind.LOGIN_SUCCEEDED, "user:1", "", "ok", prev, hash, mac);
  }

  @Test
  void equalsAndHashCodeCompareArrayContent() {
    AuditEntry a = entry(new byte[32], new byte[] {1, 2}, new byte[] {3});
    AuditEntry b = entry(new byte[32], new byte[] {1, 2}, new byte[] {3});

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
  }

  @Test
  void entriesDifferingOnlyInAnArrayAreNotEqual() {
    AuditEntry a = entry(new byte[32], new byte[] {1, 2}, new byte[] {3});

    assertThat(a).isNotEqualTo(entry(new byte[32], new byte[] {1, 2}, new byte[] {4}));
    assertThat(a).isNotEqualTo(entry(new byte[32], new byte[] {1, 3}, new byte[] {3}));
    assertThat(a).isNotEqualTo(entry(new byte[31], new byte[] {1, 2}, new byte[] {3}));
  }

  @Test
  void arraysAreCopiedInAndOut() {
    byte[] hash = {1, 2};
    AuditEntry e = entry(new byte[32], hash, new byte[] {3});

    hash[0] = 9;
    e.hash()[1] = 9;

    assertThat(e.hash()).containsExactly(1, 2);
  }

  @Test
  void toStringShowsAbbreviatedHexInsteadOfArrayIdentities() {
    byte[] hash = HexFormat.of().parseHex("00112233445566778899");
    AuditEntry e = entry(new byte[32], hash, new byte[] {(byte) 0xab});

    assertThat(e.toString())
        .contains("seq=1", "kind=LOGIN_SUCCEEDED", "hash=001122334455…", "mac=ab")
        .doesNotContain("[B@");
  }

  @Test
  void headEqualityUsesArrayContentAndRefusesSeqBelowOne() {
    var a = new AuditAnchor.Head(3, new byte[] {1}, new byte[] {2});

    assertThat(a)
        .isEqualTo(new AuditAnchor.Head(3, new byte[] {1}, new byte[] {2}))
        .hasSameHashCodeAs(new AuditAnchor.Head(3, new byte[] {1}, new byte[] {2}))
        .isNotEqualTo(new AuditAnchor.Head(3, new byte[] {1}, new byte[] {3}));
    assertThat(a.toString()).contains("seq=3").doesNotContain("[B@");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuditAnchor.Head(0, new byte[] {1}, new byte[] {2}));
  }
}
