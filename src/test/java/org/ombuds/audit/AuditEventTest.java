package org.ombuds.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuditEventTest {

  @ParameterizedTest
  @ValueSource(strings = {"user:42", "case:2024-017", "a.b_c-d", "OK", ""})
  void acceptsIdentifiersInEveryField(String id) {
    AuditEvent e = new AuditEvent(AuditKind.CASE_OPENED, id, id, id);

    assertThat(e.actor()).isEqualTo(id);
    assertThat(e.subject()).isEqualTo(id);
    assertThat(e.outcome()).isEqualTo(id);
  }

  @Test
  void acceptsAnIdentifierOfExactlyTheMaximumLength() {
    String longest = "a".repeat(AuditEvent.MAX_LENGTH);

    assertThat(AuditEvent.of(AuditKind.LOGIN_SUCCEEDED, longest).actor()).isEqualTo(longest);
  }

  @Test
  void refusesAnIdentifierOneCharacterTooLong() {
    String tooLong = "a".repeat(AuditEvent.MAX_LENGTH + 1);

    assertThatThrownBy(() -> AuditEvent.of(AuditKind.LOGIN_SUCCEEDED, tooLong))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(tooLong);
  }

  static Stream<Arguments> freeTextInEachField() {
    String[] freeText = {
      "Jane Doe",
      "complained about her manager",
      "line\nbreak",
      "carriage\rreturn",
      "tab\there",
      "naïve",
      "quote\"d",
      "semi;colon",
      "<script>",
      "slash/path",
      "at@example.org",
      " leading-space"
    };
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String text : freeText) {
      cases.add(Arguments.of("actor", text));
      cases.add(Arguments.of("subject", text));
      cases.add(Arguments.of("outcome", text));
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} refuses free text #{index}")
  @MethodSource("freeTextInEachField")
  void refusesFreeTextAndDoesNotEchoIt(String field, String text) {
    Function<String, AuditEvent> build =
        switch (field) {
          case "actor" -> v -> new AuditEvent(AuditKind.NOTE_ADDED, v, "", "");
          case "subject" -> v -> new AuditEvent(AuditKind.NOTE_ADDED, "", v, "");
          default -> v -> new AuditEvent(AuditKind.NOTE_ADDED, "", "", v);
        };

    assertThatThrownBy(() -> build.apply(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " must be an identifier")
        .hasMessageNotContaining(text.strip());
  }

  @Test
  void refusesNullFieldsNamingThem() {
    assertThatNullPointerException()
        .isThrownBy(() -> new AuditEvent(null, "", "", ""))
        .withMessage("kind");
    assertThatNullPointerException()
        .isThrownBy(() -> new AuditEvent(AuditKind.LOGOUT, null, "", ""))
        .withMessage("actor");
    assertThatNullPointerException()
        .isThrownBy(() -> new AuditEvent(AuditKind.LOGOUT, "", null, ""))
        .withMessage("subject");
    assertThatNullPointerException()
        .isThrownBy(() -> new AuditEvent(AuditKind.LOGOUT, "", "", null))
        .withMessage("outcome");
  }

  @Test
  void factoriesLeaveTheOtherFieldsEmpty() {
    assertThat(AuditEvent.of(AuditKind.LOGOUT, "user:1"))
        .isEqualTo(new AuditEvent(AuditKind.LOGOUT, "user:1", "", ""));
    assertThat(AuditEvent.of(AuditKind.CASE_OPENED, "user:1", "case:9"))
        .isEqualTo(new AuditEvent(AuditKind.CASE_OPENED, "user:1", "case:9", ""));
  }

  @Test
  void isIdentifierAgreesWithTheConstructor() {
    assertThat(AuditEvent.isIdentifier("user:1")).isTrue();
    assertThat(AuditEvent.isIdentifier("")).isTrue();
    assertThat(AuditEvent.isIdentifier("Jane Doe")).isFalse();
    assertThat(AuditEvent.isIdentifier(null)).isFalse();
  }
}
