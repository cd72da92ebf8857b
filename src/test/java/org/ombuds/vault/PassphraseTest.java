package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PassphraseTest {
  @Test
  void toString_isRedacted_andNeverContainsTheSecret() {
    try (Passphrase p = Passphrase.of("correct horse battery staple")) {
      assertThat(p.toString()).isEqualTo("[REDACTED]").doesNotContain("horse");
    }
  }

  @Test
  void of_copiesTheCallersArray() {
    char[] typed = "s3cret-passphrase".toCharArray();
    try (Passphrase p = Passphrase.of(typed)) {
      Arrays.fill(typed, 'x');
      assertThat(p.utf8()).isEqualTo("s3cret-passphrase".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void close_wipes_andLaterUseIsRefused() {
    Passphrase p = Passphrase.of("s3cret-passphrase");
    p.close();
    assertThatThrownBy(p::utf8).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(p::isEmpty).isInstanceOf(IllegalStateException.class);
    p.close(); // idempotent
  }

  @Test
  void of_normalisesToNfc_soBothKeyboardsDeriveTheSameKey() {
    try (Passphrase composed = Passphrase.of("caf\u00e9 au lait");
        Passphrase decomposed = Passphrase.of("cafe\u0301 au lait")) {
      assertThat(decomposed.utf8()).isEqualTo(composed.utf8());
    }
  }

  @Test
  void of_withLoneSurrogate_isRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> Passphrase.of("abc\ud800def"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc");
  }

  @Test
  void of_acceptsSurrogatePairs() {
    try (Passphrase p = Passphrase.of("key \uD83D\uDD11")) {
      assertThat(p.utf8()).isEqualTo("key \uD83D\uDD11".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void isEmpty_tellsAnEmptyPassphrase() {
    try (Passphrase empty = Passphrase.of("");
        Passphrase full = Passphrase.of("x")) {
      assertThat(empty.isEmpty()).isTrue();
      assertThat(full.isEmpty()).isFalse();
    }
  }
}
