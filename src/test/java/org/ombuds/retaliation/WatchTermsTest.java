package org.ombuds.retaliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WatchTermsTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 5, 4);

  private static List<LocalDate> days(int... offsets) {
    List<LocalDate> out = new ArrayList<>();
    for (int o : offsets) {
      out.add(TODAY.plusDays(o));
    }
    return out;
  }

  static Stream<Arguments> accepted() {
    return Stream.of(
        Arguments.of("no check-in at all", 30, days()),
        Arguments.of("a check-in today", 30, days(0)),
        Arguments.of("a check-in on the last day", 30, days(30)),
        Arguments.of("until tomorrow", 1, days(1)),
        Arguments.of("as far ahead as allowed", WatchTerms.MAX_DAYS, days(7)),
        Arguments.of(
            "exactly the maximum of check-ins",
            60,
            days(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void terms_within_the_rules_are_accepted(String why, int untilDays, List<LocalDate> checkIns) {
    assertThatCode(() -> new WatchTerms(TODAY.plusDays(untilDays), checkIns).check(TODAY))
        .doesNotThrowAnyException();
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("until today", 0, days(), "until_not_future", "after today"),
        Arguments.of("until in the past", -3, days(), "until_not_future", "after today"),
        Arguments.of(
            "until too far ahead",
            WatchTerms.MAX_DAYS + 1,
            days(),
            "until_too_far",
            "too far ahead"),
        Arguments.of(
            "a check-in after until",
            10,
            days(5, 11),
            "check_in_after_until",
            "after the watch ends"),
        Arguments.of("a check-in in the past", 10, days(-1, 5), "check_in_past", "in the past"),
        Arguments.of("a check-in twice", 10, days(5, 5), "check_in_twice", "listed twice"),
        Arguments.of(
            "one check-in too many",
            60,
            days(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21),
            "too_many_check_ins",
            "at most 20"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void terms_that_break_a_rule_are_refused_with_a_clear_400(
      String why, int untilDays, List<LocalDate> checkIns, String code, String message) {
    assertThatThrownBy(() -> new WatchTerms(TODAY.plusDays(untilDays), checkIns).check(TODAY))
        .isInstanceOfSatisfying(
            RetaliationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo(code);
            })
        .hasMessageContaining(message);
  }

  @Test
  void check_ins_are_kept_in_date_order() {
    assertThat(new WatchTerms(TODAY.plusDays(10), days(7, 2, 5)).checkIns())
        .containsExactlyElementsOf(days(2, 5, 7));
  }
}
