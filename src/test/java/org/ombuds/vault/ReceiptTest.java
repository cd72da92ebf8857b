package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void reveal_showsFiveGroupsOfCrockfordSymbols_andParsesBack() {
    Receipt r = Receipt.generate(random);
    String shown = r.reveal();
    assertThat(shown)
        .matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]{5}");
    assertThat(Receipt.parse(shown)).isEqualTo(r);
    assertThat(Receipt.parse(shown.toLowerCase(java.util.Locale.ROOT).replace("-", " ")))
        .isEqualTo(r);
  }

  @Test
  void receipts_carryAHundredRandomBits() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(Receipt.generate(random).reveal());
    }
    assertThat(seen).hasSize(200);
    assertThat(Receipt.SYMBOLS * 5).isGreaterThanOrEqualTo(100);
  }

  @Test
  void parse_readsConfusableLettersAsDigits() {
    Receipt r = Receipt.generate(random);
    String shown = r.reveal().replace('0', 'O').replace('1', 'I');
    assertThat(Receipt.parse(shown)).isEqualTo(r);
  }

  @Test
  void parse_refusesEverySingleMistypedSymbolMostOfTheTime() {
    int caught = 0;
    int tries = 0;
    for (int n = 0; n < 20; n++) {
      String shown = Receipt.generate(random).reveal().replace("-", "");
      for (int i = 0; i < shown.length(); i++) {
        char c = shown.charAt(i);
        char other = c == 'A' ? 'B' : 'A';
        String typo = shown.substring(0, i) + other + shown.substring(i + 1);
        tries++;
        try {
          Receipt.parse(typo);
        } catch (IllegalArgumentException e) {
          assertThat(e.getMessage()).doesNotContain(typo).contains("typo");
          caught++;
        }
      }
    }
    // 5 check bits: about 31 of 32 typos are caught.
    assertThat(caught).isGreaterThan(tries * 9 / 10);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ABCD", "ABCD-EFGH-JKMN-PQRS-TVWXYZ", "ABCD-EFGH-JKMN-PQRS-TVWU0"})
  void parse_refusesWrongLengthsAndLetters(String text) {
    assertThatThrownBy(() -> Receipt.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("receipt");
  }

  @Test
  void toString_neverShowsTheReceipt() {
    Receipt r = Receipt.generate(random);
    assertThat(r.toString()).isEqualTo("[REDACTED]");
  }
}
