package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryKeyTest {
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** Seeded keys: reproducible, and varied enough to exercise the check. */
  private static RecoveryKey seededKey(long seed) {
    byte[] bytes = new byte[RecoveryKey.KEY_BYTES];
    new Random(seed).nextBytes(bytes);
    return RecoveryKey.generate(new FixedRandom(bytes));
  }

  @Test
  void generate_has160Bits() {
    assertThat(RecoveryKey.generate(new SecureRandom()).bytes()).hasSize(20);
  }

  @Test
  void reveal_isNineGroupsOfFourUppercaseCrockfordSymbols() {
    assertThat(RecoveryKey.generate(new SecureRandom()).reveal())
        .matches("([0-9A-HJKMNP-TV-Z]{4}-){8}[0-9A-HJKMNP-TV-Z]{4}");
  }

  @Test
  void parse_ofRevealedKey_givesTheSameKey() {
    RecoveryKey key = RecoveryKey.generate(new SecureRandom());
    assertThat(RecoveryKey.parse(key.reveal()).bytes()).isEqualTo(key.bytes());
  }

  @Test
  void parse_acceptsLowercaseSpacesAndMissingDashes() {
    RecoveryKey key = seededKey(1);
    String printed = key.reveal();
    String typed = "  " + printed.toLowerCase(Locale.ROOT).replace("-", " ") + "\n";
    assertThat(RecoveryKey.parse(typed).bytes()).isEqualTo(key.bytes());
    assertThat(RecoveryKey.parse(printed.replace("-", "")).bytes()).isEqualTo(key.bytes());
  }

  @Test
  void parse_readsLetterOAsZero() {
    RecoveryKey zeros = RecoveryKey.generate(new FixedRandom((byte) 0));
    String printed = zeros.reveal();
    assertThat(printed).startsWith("0000-0000-");
    assertThat(RecoveryKey.parse(printed.replaceFirst("0000", "OoOo")).bytes())
        .isEqualTo(zeros.bytes());
  }

  @Test
  void parse_readsLettersIAndLAsOne() {
    // 0x08 0x42 0x10 0x84 0x21 is the bit pattern 00001 repeated: every key symbol is '1'.
    RecoveryKey ones =
        RecoveryKey.generate(
            new FixedRandom((byte) 0x08, (byte) 0x42, (byte) 0x10, (byte) 0x84, (byte) 0x21));
    String printed = ones.reveal();
    assertThat(printed).startsWith("1111-1111-");
    assertThat(RecoveryKey.parse(printed.replaceFirst("1111", "IiLl")).bytes())
        .isEqualTo(ones.bytes());
  }

  @Test
  void parse_detectsEverySingleMistypedSymbol() {
    for (long seed = 0; seed < 10; seed++) {
      String symbols = seededKey(seed).reveal().replace("-", "");
      for (int position = 0; position < symbols.length(); position++) {
        for (int s = 0; s < CROCKFORD.length(); s++) {
          char other = CROCKFORD.charAt(s);
          if (other == symbols.charAt(position)) {
            continue;
          }
          String typo = symbols.substring(0, position) + other + symbols.substring(position + 1);
          assertThatThrownBy(() -> RecoveryKey.parse(typo))
              .as("seed %d, position %d, symbol %s", seed, position, other)
              .isInstanceOf(IllegalArgumentException.class)
              .hasMessageContaining("typo");
        }
      }
    }
  }

  @Test
  void parse_detectsEverySwapOfNeighbouringSymbols() {
    for (long seed = 0; seed < 50; seed++) {
      String symbols = seededKey(seed).reveal().replace("-", "");
      for (int position = 0; position + 1 < symbols.length(); position++) {
        if (symbols.charAt(position) == symbols.charAt(position + 1)) {
          continue;
        }
        String swapped =
            symbols.substring(0, position)
                + symbols.charAt(position + 1)
                + symbols.charAt(position)
                + symbols.substring(position + 2);
        assertThatThrownBy(() -> RecoveryKey.parse(swapped))
            .isInstanceOf(IllegalArgumentException.class);
      }
    }
  }

  @Test
  void parse_typoMessage_neverRepeatsTheKey() {
    String printed = seededKey(3).reveal();
    char first = printed.charAt(0);
    String typo = (first == 'A' ? 'B' : 'A') + printed.substring(1);
    assertThatThrownBy(() -> RecoveryKey.parse(typo))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(printed.substring(5, 9))
        .hasMessageNotContaining(printed.substring(10, 14));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 35, 37, 40})
  void parse_withWrongNumberOfSymbols_saysHowManyAKeyHas(int length) {
    String symbols = (seededKey(4).reveal().replace("-", "") + "0000").substring(0, length);
    assertThatThrownBy(() -> RecoveryKey.parse(symbols))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("36")
        .hasMessageContaining("has " + length);
  }

  @ParameterizedTest
  @ValueSource(strings = {"U", "u", "*", "é", "_"})
  void parse_withCharacterNeverUsed_isRefusedWithItsGroup(String bad) {
    String printed = seededKey(5).reveal();
    String typed = printed.substring(0, 5) + bad + printed.substring(6);
    assertThatThrownBy(() -> RecoveryKey.parse(typed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group 2");
  }

  @Test
  void toString_isRedacted_andNeverContainsTheKey() {
    RecoveryKey key = seededKey(6);
    assertThat(key.toString()).isEqualTo("[REDACTED]").doesNotContain(key.reveal().substring(0, 4));
  }
}
