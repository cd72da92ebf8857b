package org.ombuds.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ombuds.anonymity.Estimates.ESTIMATOR;
import static org.ombuds.anonymity.Estimates.estimate;
import static org.ombuds.anonymity.Estimates.unit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit size, earlier releases and timing; levels from thresholds; the value types' contracts. */
class ContextAndLevelTest {
  private static final String PLAIN = "Please remind the whole group of the safety rules.";

  private static Context context(int size, int earlier, Optional<Duration> since) {
    return new Context(List.of(), size, List.of(), earlier, since);
  }

  @ParameterizedTest
  @CsvSource({"1,HIGH", "2,HIGH", "3,MEDIUM", "5,MEDIUM", "6,MEDIUM", "10,MEDIUM", "11,LOW"})
  void small_units_are_a_finding_and_at_least_medium(int size, Level level) {
    Estimate e = estimate(PLAIN, unit(size));
    assertThat(e.level()).isEqualTo(level);
    assertThat(e.anonymitySet()).isEqualTo(size);
    assertThat(e.findings().stream().anyMatch(f -> f.kind() == FindingKind.SMALL_UNIT))
        .isEqualTo(size <= 10);
  }

  @Test
  void a_unit_of_two_is_high_whatever_the_thresholds() {
    Thresholds lenient = new Thresholds(1, 1, 0, 5, Duration.ZERO);
    Estimate e = ESTIMATOR.estimate(PLAIN, unit(2), lenient);
    assertThat(e.level()).isEqualTo(Level.HIGH);
    assertThat(e.findings()).extracting(Finding::kind).containsExactly(FindingKind.SMALL_UNIT);
    assertThat(e.findings().get(0).reason()).contains("even odds");
  }

  @Test
  void the_set_never_exceeds_the_unit_nor_goes_below_one() {
    assertThat(estimate("Nothing here.", unit(1)).anonymitySet()).isEqualTo(1);
    Context c = unit(3, List.of(new Person("Ann Lee", "", false), new Person("Bo Kim", "", false)));
    assertThat(estimate("Ann and Bo and Kim and Lee.", c).anonymitySet()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({"0,LOW,false", "1,MEDIUM,true", "3,MEDIUM,true"})
  void earlier_releases_to_the_same_recipient_make_it_at_least_medium(
      int earlier, Level level, boolean finding) {
    Estimate e = estimate(PLAIN, context(50, earlier, Optional.empty()));
    assertThat(e.level()).isEqualTo(level);
    assertThat(e.findings().stream().anyMatch(f -> f.kind() == FindingKind.REPEATED_RECIPIENT))
        .isEqualTo(finding);
    assertThat(e.anonymitySet()).isEqualTo(50);
  }

  @Test
  void the_repeat_threshold_is_the_offices() {
    Thresholds twice = new Thresholds(2, 5, 10, 2, Duration.ofDays(14));
    assertThat(ESTIMATOR.estimate(PLAIN, context(50, 1, Optional.empty()), twice).level())
        .isEqualTo(Level.LOW);
    assertThat(ESTIMATOR.estimate(PLAIN, context(50, 2, Optional.empty()), twice).level())
        .isEqualTo(Level.MEDIUM);
  }

  @ParameterizedTest
  @CsvSource({"0,MEDIUM,true", "3,MEDIUM,true", "14,MEDIUM,true", "15,LOW,false", "90,LOW,false"})
  void a_release_soon_after_the_sources_contact_is_at_least_medium(
      int days, Level level, boolean finding) {
    Estimate e = estimate(PLAIN, context(50, 0, Optional.of(Duration.ofDays(days))));
    assertThat(e.level()).isEqualTo(level);
    assertThat(e.findings().stream().anyMatch(f -> f.kind() == FindingKind.SOON_AFTER_CONTACT))
        .isEqualTo(finding);
  }

  @Test
  void unknown_contact_time_is_no_finding() {
    assertThat(estimate(PLAIN, context(50, 0, Optional.empty())).findings()).isEmpty();
  }

  @Test
  void a_release_within_hours_says_so() {
    Estimate e = estimate(PLAIN, context(50, 0, Optional.of(Duration.ofHours(5))));
    assertThat(e.findings().get(0).reason()).contains("less than a day");
  }

  @ParameterizedTest
  @CsvSource({"1,HIGH", "2,HIGH", "3,MEDIUM", "5,MEDIUM", "6,LOW", "500,LOW"})
  void levels_follow_the_default_thresholds(int set, Level level) {
    assertThat(Thresholds.DEFAULTS.levelFor(set)).isEqualTo(level);
  }

  @Test
  void stricter_thresholds_give_stricter_levels() {
    Thresholds strict = new Thresholds(5, 20, 25, 1, Duration.ofDays(30));
    Context c = unit(60, new Group("gender", "women", 12));
    Estimate e = ESTIMATOR.estimate("She raised it.", c, strict);
    assertThat(e.anonymitySet()).isEqualTo(12);
    assertThat(e.level()).isEqualTo(Level.MEDIUM);
    assertThat(ESTIMATOR.estimate("She raised it.", c).level()).isEqualTo(Level.LOW);
  }

  @Test
  void findings_are_sorted_with_the_context_first() {
    Context c =
        new Context(
            List.of(new Person("Jane Doe", "", true)),
            8,
            List.of(new Group("gender", "women", 2)),
            1,
            Optional.of(Duration.ofDays(2)));
    Estimate e =
        estimate("Yesterday at 9 she told me, Jane, via jane@example.org, from her office.", c);
    List<Finding> f = e.findings();
    assertThat(f.subList(0, 3)).allMatch(Finding::aboutContext);
    assertThat(f.subList(3, f.size())).noneMatch(Finding::aboutContext);
    for (int i = 1; i < f.size(); i++) {
      assertThat(f.get(i).start()).isGreaterThanOrEqualTo(f.get(i - 1).start());
    }
    assertThat(f)
        .extracting(Finding::kind)
        .containsSubsequence(
            FindingKind.DATE,
            FindingKind.DATE,
            FindingKind.GENDERED_WORD,
            FindingKind.NAME,
            FindingKind.EMAIL,
            FindingKind.SINGLING_OUT);
  }

  @Test
  void suggestions_are_specific_and_most_important_first() {
    Context c =
        new Context(
            List.of(new Person("Jane Doe", "Jane*", true), new Person("Mike Roe", "", false)),
            8,
            List.of(new Group("gender", "women", 2)),
            0,
            Optional.of(Duration.ofDays(3)));
    Estimate e =
        estimate(
            "Jane* says Mike shouted at her on 2 March; she is the only woman who saw it."
                + " Call her on 079 123 45 67.",
            c);
    List<String> s = e.suggestions();
    assertThat(s.get(0)).contains("“Jane”", "a member of your group");
    assertThat(s.get(1)).contains("“079 123 45 67”");
    assertThat(s)
        .anySatisfy(x -> assertThat(x).contains("“the only”"))
        .anySatisfy(x -> assertThat(x).contains("“they”", "“her”", "“she”", "2 people"))
        .anySatisfy(x -> assertThat(x).contains("“2 March”", "recently"))
        .anySatisfy(x -> assertThat(x).contains("“Mike”"))
        .anySatisfy(x -> assertThat(x).contains("whole group"))
        .anySatisfy(x -> assertThat(x).contains("waiting", "3 days"));
    assertThat(s.get(s.size() - 1)).contains("tell the visitor plainly");
  }

  @Test
  void value_types_refuse_what_makes_no_sense() {
    assertThatThrownBy(() -> Context.ofUnit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new Context(
                    List.of(),
                    4,
                    List.of(new Group("gender", "women", 3), new Group("Gender", "men", 2)),
                    0,
                    Optional.empty()))
        .hasMessageContaining("add up");
    assertThatThrownBy(() -> new Context(List.of(), 4, List.of(), -1, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Context(List.of(), 4, List.of(), 0, Optional.of(Duration.ofDays(-1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Group("gender", "women", -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Group(" ", "women", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Person("x".repeat(201), "", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Thresholds(0, 5, 10, 1, Duration.ofDays(14)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Thresholds(3, 2, 10, 1, Duration.ofDays(14)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Thresholds(2, 5, 10, 0, Duration.ofDays(14)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Thresholds(2, 5, 10, 1, Duration.ofDays(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Finding(FindingKind.SMALL_UNIT, 0, 3, "abc", "why"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Finding(FindingKind.NAME, -1, -1, "", "why"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Finding(FindingKind.NAME, 0, 4, "Jane", " "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Estimate(Level.LOW, 0, List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void person_names_are_stripped_and_lists_are_copied() {
    assertThat(new Person("  Jane  ", " Jane* ", true))
        .isEqualTo(new Person("Jane", "Jane*", true));
    java.util.ArrayList<Person> persons = new java.util.ArrayList<>();
    Context c = new Context(persons, 3, List.of(), 0, Optional.empty());
    persons.add(new Person("Jane", "", true));
    assertThat(c.persons()).isEmpty();
  }

  @Test
  void level_at_least_takes_the_riskier() {
    assertThat(Level.LOW.atLeast(Level.MEDIUM)).isEqualTo(Level.MEDIUM);
    assertThat(Level.HIGH.atLeast(Level.MEDIUM)).isEqualTo(Level.HIGH);
  }
}
