package org.ombuds.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.vault.Passphrase;

class PassphrasePolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"correct horse battery staple", "twelve chars", "ÉtéÀParis2026"})
  void long_enough_passphrases_are_accepted(String p) {
    try (Passphrase pass = Passphrase.of(p)) {
      assertThat(PassphrasePolicy.problem(pass)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "short", "elevenchars", "aaaaaaaaaaaaaaaa"})
  void short_or_repeated_passphrases_are_refused_with_a_reason(String p) {
    try (Passphrase pass = Passphrase.of(p)) {
      assertThat(PassphrasePolicy.problem(pass)).isPresent();
    }
  }

  @org.junit.jupiter.api.Test
  void an_over_long_passphrase_is_refused() {
    try (Passphrase pass = Passphrase.of("ab".repeat(600))) {
      assertThat(PassphrasePolicy.problem(pass))
          .hasValueSatisfying(m -> assertThat(m).contains("too long"));
    }
  }
}
