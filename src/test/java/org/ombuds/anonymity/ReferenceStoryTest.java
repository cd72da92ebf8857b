package org.ombuds.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The reference story: an Ombuds raises a safety problem anonymously with a senior group leader,
 * "knowing that in a small group she might still be guessed". The Operations group has 8 people, 2
 * women and 6 men; the visitor is Jane (pseudonym Jane*), the other party Mike (Mike*).
 */
class ReferenceStoryTest {
  static final List<Person> PERSONS =
      List.of(new Person("Jane Doe", "Jane*", true), new Person("Mike Roe", "Mike*", false));
  static final Context OPERATIONS =
      new Context(
          PERSONS,
          8,
          List.of(new Group("gender", "women", 2), new Group("gender", "men", 6)),
          0,
          Optional.empty());

  private final AnonymityEstimator estimator = new AnonymityEstimator();

  @Test
  void naming_the_visitor_identifies_her() {
    Estimate e =
        estimator.estimate(
            "One of your staff, Jane, reports that Mike ignores the safety rules.", OPERATIONS);

    assertThat(e.level()).isEqualTo(Level.HIGH);
    assertThat(e.anonymitySet()).isEqualTo(1);
    assertThat(e.findings())
        .extracting(Finding::kind, Finding::excerpt)
        .contains(
            org.assertj.core.groups.Tuple.tuple(FindingKind.NAME, "Jane"),
            org.assertj.core.groups.Tuple.tuple(FindingKind.NAME, "Mike"));
    assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("“Jane”", "a member"));
  }

  @Test
  void she_narrows_the_source_to_the_two_women() {
    Estimate e = estimator.estimate("She says the safety rules are ignored.", OPERATIONS);

    assertThat(e.anonymitySet()).isEqualTo(2);
    assertThat(e.level()).isEqualTo(Level.HIGH);
    assertThat(e.findings())
        .extracting(Finding::kind)
        .containsExactly(FindingKind.SMALL_UNIT, FindingKind.GENDERED_WORD);
    Finding she = e.findings().get(1);
    assertThat(she.start()).isZero();
    assertThat(she.end()).isEqualTo(3);
    assertThat(she.reason()).contains("2 people", "women");
    assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("“they”", "“She”"));
  }

  @Test
  void a_reminder_to_the_whole_group_is_medium_only_because_the_group_is_small() {
    Estimate e =
        estimator.estimate(
            "Please remind the whole group of the safety rules in operations.", OPERATIONS);

    assertThat(e.anonymitySet()).isEqualTo(8);
    assertThat(e.level()).isEqualTo(Level.MEDIUM);
    assertThat(e.findings()).extracting(Finding::kind).containsExactly(FindingKind.SMALL_UNIT);
    assertThat(e.findings().get(0).start()).isEqualTo(-1);
    assertThat(e.findings().get(0).reason()).contains("8 people");
    assertThat(e.suggestions())
        .singleElement()
        .satisfies(s -> assertThat(s).contains("already general", "routine reminder"));
  }

  @Test
  void the_same_reminder_in_a_large_unit_is_low() {
    Context large = new Context(PERSONS, 40, OPERATIONS.composition(), 0, Optional.empty());
    Estimate e =
        estimator.estimate(
            "Please remind the whole group of the safety rules in operations.", large);

    assertThat(e.level()).isEqualTo(Level.LOW);
    assertThat(e.findings()).isEmpty();
    assertThat(e.suggestions()).isEmpty();
  }

  @Test
  void the_reminder_soon_after_the_visit_and_after_an_earlier_message_says_why() {
    Context context =
        new Context(PERSONS, 8, OPERATIONS.composition(), 1, Optional.of(Duration.ofDays(3)));
    Estimate e = estimator.estimate("Please remind the whole group of the safety rules.", context);

    assertThat(e.level()).isEqualTo(Level.MEDIUM);
    assertThat(e.findings())
        .extracting(Finding::kind)
        .containsExactlyInAnyOrder(
            FindingKind.SMALL_UNIT, FindingKind.REPEATED_RECIPIENT, FindingKind.SOON_AFTER_CONTACT);
    assertThat(e.suggestions())
        .anySatisfy(s -> assertThat(s).contains("waiting", "3 days"))
        .anySatisfy(s -> assertThat(s).contains("earlier message"))
        .anySatisfy(s -> assertThat(s).contains("already general"));
  }
}
