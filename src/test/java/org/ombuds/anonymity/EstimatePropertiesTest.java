package org.ombuds.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;

/**
 * Invariants over many seeded random inputs (QuickTheories with a fixed seed): the estimate never
 * fails, its set stays within the unit, its offsets point at its excerpts, more text never makes a
 * draft look safer, and accents never matter. Plus pathological inputs that would expose
 * catastrophic backtracking.
 */
class EstimatePropertiesTest {
  private static final long SEED = 20260302L;
  private static final AnonymityEstimator ESTIMATOR = new AnonymityEstimator();
  private static final List<Person> PERSONS =
      List.of(
          new Person("Hélène Dubois-Martin", "Jane*", true),
          new Person("Jürgen Müller", "Will*", false));

  /** Fragments with and without details, so that random drafts hit every rule. */
  private static final List<String> FRAGMENTS =
      List.of(
          "Please remind the whole group of the safety rules.",
          "Hélène",
          "Helene's",
          "HÉLÈNE,",
          "Jane*",
          "Müller",
          "Mueller",
          "we will",
          "Will",
          "she",
          "her office",
          "he or she",
          "His",
          "the only woman",
          "the only way",
          "a junior colleague",
          "an intern",
          "night shift",
          "on 2 March",
          "yesterday at 9",
          "last Tuesday",
          "2026-03-02",
          "02/03/2026",
          "the 2026 budget",
          "jane.doe@example.org",
          "+41 22 123 45 67",
          "022 123 45 67",
          "badge 40213",
          "employee no. 12-345",
          "ID 99881",
          "aged 54",
          "sick leave",
          "Madame",
          "Il faut agir.",
          "élève, café, naïve, déjà",
          ",",
          ".",
          "\n",
          " ");

  private static Gen<String> drafts() {
    return lists()
        .of(arbitrary().pick(FRAGMENTS))
        .ofSizeBetween(0, 12)
        .map(parts -> String.join(" ", parts));
  }

  private static Context context(int size) {
    return new Context(
        PERSONS,
        size,
        List.of(
            new Group("gender", "women", size / 3), new Group("role", "night", Math.min(size, 2))),
        size % 3,
        size % 2 == 0 ? Optional.of(Duration.ofDays(size % 30)) : Optional.empty());
  }

  @Test
  void any_text_gives_a_well_formed_estimate() {
    qt().withFixedSeed(SEED)
        .withExamples(2000)
        .forAll(strings().allPossible().ofLengthBetween(0, 300), integers().between(1, 300))
        .checkAssert((text, size) -> assertWellFormed(text, context(size)));
  }

  @Test
  void drafts_made_of_details_give_a_well_formed_estimate() {
    qt().withFixedSeed(SEED)
        .withExamples(2000)
        .forAll(drafts(), integers().between(1, 300))
        .checkAssert((text, size) -> assertWellFormed(text, context(size)));
  }

  private static void assertWellFormed(String text, Context context) {
    Estimate e = ESTIMATOR.estimate(text, context);
    assertThat(e.anonymitySet()).isBetween(1, context.unitSize());
    int previous = -1;
    for (Finding f : e.findings()) {
      assertThat(f.start()).isGreaterThanOrEqualTo(previous);
      previous = f.start();
      if (!f.aboutContext()) {
        assertThat(text.substring(f.start(), f.end())).isEqualTo(f.excerpt());
      }
      assertThat(f.reason()).isNotBlank();
    }
    if (e.level() != Level.LOW) {
      assertThat(e.findings()).isNotEmpty();
      assertThat(e.suggestions()).isNotEmpty();
    }
  }

  @Test
  void more_text_never_makes_a_draft_look_safer() {
    qt().withFixedSeed(SEED)
        .withExamples(1500)
        .forAll(drafts(), drafts(), integers().between(1, 300))
        .checkAssert(
            (a, b, size) -> {
              Context c = context(size);
              Estimate alone = ESTIMATOR.estimate(a, c);
              for (String joined : List.of(a + "\n\n" + b, b + "\n\n" + a)) {
                Estimate more = ESTIMATOR.estimate(joined, c);
                assertThat(more.anonymitySet())
                    .as(joined)
                    .isLessThanOrEqualTo(alone.anonymitySet());
                assertThat(more.level().compareTo(alone.level()))
                    .as(joined)
                    .isGreaterThanOrEqualTo(0);
              }
            });
  }

  @Test
  void accents_never_change_the_estimate() {
    qt().withFixedSeed(SEED)
        .withExamples(1500)
        .forAll(drafts(), integers().between(1, 300))
        .checkAssert(
            (text, size) -> {
              Context c = context(size);
              String plain =
                  Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
              Estimate accented = ESTIMATOR.estimate(text, c);
              Estimate stripped = ESTIMATOR.estimate(plain, c);
              assertThat(stripped.anonymitySet()).as(plain).isEqualTo(accented.anonymitySet());
              assertThat(stripped.level()).isEqualTo(accented.level());
              assertThat(stripped.findings())
                  .extracting(Finding::kind)
                  .isEqualTo(accented.findings().stream().map(Finding::kind).toList());
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1 ",
        "1",
        "a@",
        "@",
        "a.",
        ". ",
        "+1 (",
        "((((",
        "at 1 ",
        "1/1/",
        "badge ",
        "ID 1-",
        "jane at x dot ",
        "a [at] b [dot] ",
        "ch12 3456 ",
        "the only ",
        "Hélène-",
        "é",
        "\u0301"
      })
  void pathological_inputs_take_linear_time(String unit) {
    String text = unit.repeat(100_000 / unit.length());
    long start = System.nanoTime();
    Estimate e = ESTIMATOR.estimate(text, context(50));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(e.anonymitySet()).isPositive();
    // 100,000 characters: a quadratic pattern would take minutes; linear work takes milliseconds.
    assertThat(millis).as("%s repeated: %d ms", unit, millis).isLessThan(10_000);
  }
}
