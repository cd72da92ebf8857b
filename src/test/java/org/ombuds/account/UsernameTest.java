package org.ombuds.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsernameTest {
  @ParameterizedTest
  @ValueSource(strings = {"jo", "alex.martin", "ombuds-2", "a_b"})
  void valid_names(String n) {
    assertThat(new Username(n).value()).isEqualTo(n);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "j",
        "Jo",
        "-jo",
        "jo jo",
        "jo@x",
        "é",
        "a123456789012345678901234567890123456789012345678901234567890123456"
      })
  void invalid_names_are_refused_without_echoing_them(String n) {
    assertThatThrownBy(() -> new Username(n))
        .isInstanceOf(IllegalArgumentException.class)
        .satisfies(e -> assertThat(n.isEmpty() || !e.getMessage().contains(n)).isTrue());
  }

  @org.junit.jupiter.api.Test
  void typed_names_are_trimmed_and_lower_cased() {
    assertThat(Username.parse("  Alex.Martin ").value()).isEqualTo("alex.martin");
  }
}
