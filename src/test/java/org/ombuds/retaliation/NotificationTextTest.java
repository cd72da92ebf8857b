package org.ombuds.retaliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationTextTest {

  @ParameterizedTest
  @EnumSource(AlertKind.class)
  void every_body_says_to_log_in_in_english_and_french_and_carries_no_identifier(AlertKind kind) {
    for (boolean urgent : new boolean[] {true, false}) {
      String body = NotificationText.body(kind, urgent);
      assertThat(body).contains("Log in").contains("Connectez-vous");
      // No digit at all: no id, date or count can be in it.
      assertThat(body).doesNotContainPattern("[0-9]");
      assertThat(NotificationText.SUBJECT).doesNotContainPattern("[0-9]");
    }
  }

  @Test
  void the_body_names_the_kind_of_attention_needed() {
    assertThat(NotificationText.body(AlertKind.RETALIATION_REPORTED, true))
        .contains("an urgent alert");
    assertThat(NotificationText.body(AlertKind.PORTAL_MESSAGE, false))
        .contains("a new portal message");
    assertThat(NotificationText.body(AlertKind.CHECK_IN_DUE, false)).contains("A check-in is due");
  }
}
