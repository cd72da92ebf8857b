package org.ombuds.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.anonymity.Estimates.estimate;
import static org.ombuds.anonymity.Estimates.unit;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameDetectionTest {
  private static final List<Person> CASE =
      List.of(
          new Person("Hélène Dubois-Martin", "Jane*", true),
          new Person("Siobhán O'Brien", "Ada*", true),
          new Person("Jürgen Müller", "", true),
          new Person("Søren Ångström", "Kai*", true),
          new Person("Björn Strauß", "", true),
          new Person("Ana María de la Cruz", "Iris*", true),
          new Person("Mike Roe", "Tom*", false));
  private static final Context UNIT = unit(40, CASE);

  static Stream<Arguments> sourceSpellings() {
    return Stream.of(
        Arguments.of("Hélène", "Hélène"),
        Arguments.of("HÉLÈNE", "HÉLÈNE"),
        Arguments.of("Helene", "Helene"),
        Arguments.of("helene", "helene"),
        Arguments.of("He\u0301le\u0300ne", "He\u0301le\u0300ne"),
        Arguments.of("Hélène's", "Hélène"),
        Arguments.of("Hélène’s", "Hélène"),
        Arguments.of("(Hélène)", "Hélène"),
        Arguments.of("\"Helene,\"", "Helene"),
        Arguments.of("Dubois-Martin", "Dubois-Martin"),
        Arguments.of("Dubois Martin", "Dubois Martin"),
        Arguments.of("DuboisMartin", "DuboisMartin"),
        Arguments.of("Martin", "Martin"),
        Arguments.of("Hélène Dubois-Martin", "Hélène Dubois-Martin"),
        Arguments.of("Dubois", "Dubois"),
        Arguments.of("Hé\u00ADlène", "Hé\u00ADlène"),
        Arguments.of("Ｈｅｌｅｎｅ", "Ｈｅｌｅｎｅ"),
        Arguments.of("Jane*", "Jane"),
        Arguments.of("Jane\\*", "Jane"),
        Arguments.of("Jane＊", "Jane"),
        Arguments.of("Jane∗", "Jane"),
        Arguments.of("JANE", "JANE"),
        Arguments.of("jane", "jane"),
        Arguments.of("Jane's", "Jane"),
        Arguments.of("O'Brien", "O'Brien"),
        Arguments.of("O’Brien", "O’Brien"),
        Arguments.of("OBrien", "OBrien"),
        Arguments.of("O Brien", "O Brien"),
        Arguments.of("Siobhan", "Siobhan"),
        Arguments.of("Müller", "Müller"),
        Arguments.of("Mueller", "Mueller"),
        Arguments.of("MULLER", "MULLER"),
        Arguments.of("Jurgen", "Jurgen"),
        Arguments.of("Juergen", "Juergen"),
        Arguments.of("Soren", "Soren"),
        Arguments.of("Soeren", "Soeren"),
        Arguments.of("Angstrom", "Angstrom"),
        Arguments.of("Aangstroem", "Aangstroem"),
        Arguments.of("Strauss", "Strauss"),
        Arguments.of("STRAUSS", "STRAUSS"),
        Arguments.of("Strauß", "Strauß"),
        Arguments.of("de la Cruz", "de la Cruz"),
        Arguments.of("Delacruz", "Delacruz"),
        Arguments.of("Cruz", "Cruz"),
        Arguments.of("Ana-María", "Ana-María"),
        Arguments.of("AnaMaria", "AnaMaria"),
        Arguments.of("Iris*", "Iris"),
        Arguments.of("IRIS", "IRIS"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sourceSpellings")
  void a_sources_name_in_any_spelling_identifies_the_source(String written, String excerpt) {
    String text = "I spoke with " + written + " about the safety rules.";
    Estimate e = estimate(text, UNIT);

    assertThat(e.anonymitySet()).isEqualTo(1);
    assertThat(e.level()).isEqualTo(Level.HIGH);
    assertThat(e.findings())
        .filteredOn(f -> f.kind() == FindingKind.NAME || f.kind() == FindingKind.PSEUDONYM)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.excerpt()).isEqualTo(excerpt);
              assertThat(text.substring(f.start(), f.end())).isEqualTo(excerpt);
            });
  }

  @Test
  void pseudonyms_are_reported_as_pseudonyms() {
    assertThat(estimate("Jane* said so.", UNIT).findings())
        .extracting(Finding::kind)
        .containsExactly(FindingKind.PSEUDONYM);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Janet agrees with the plan.",
        "Janes are common.",
        "The Martini bar is closed.",
        "Heleneborg is a place.",
        "The cruzeiro was a currency.",
        "de la part de la direction",
        "Martinez and Marian are different people.",
        "Hel and Ene are two short words.",
        "Mullerin, Soreness, Strausser, Angstroms.",
        "The tomato sauce; Mikey; Roebuck."
      })
  void similar_words_are_not_names(String text) {
    assertThat(estimate(text, UNIT).findings()).isEmpty();
  }

  @Test
  void particles_alone_do_not_count_but_brien_does() {
    assertThat(estimate("Brien called.", UNIT).anonymitySet()).isEqualTo(1);
    assertThat(estimate("The report de la direction.", UNIT).findings()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Will said so.", "WILL said so.", "We asked will* about it."})
  void names_that_are_ordinary_words_count_with_a_capital_or_an_asterisk(String text) {
    Context c = unit(40, List.of(new Person("", "Will*", true)));
    assertThat(estimate(text, c).anonymitySet()).isEqualTo(1);
  }

  @Test
  void names_that_are_ordinary_words_do_not_count_in_lower_case() {
    Context c = unit(40, List.of(new Person("Rose Hall", "Will*", true)));
    Estimate e = estimate("We will look at how the rose garden hall is used.", c);
    assertThat(e.findings()).isEmpty();
    assertThat(e.anonymitySet()).isEqualTo(40);
    assertThat(estimate("Rose Hall asked us.", c).anonymitySet()).isEqualTo(1);
  }

  @Test
  void other_peoples_names_are_reported_and_rule_one_person_out_each() {
    Estimate e =
        estimate("Mike Roe and Tom* ignored the rules; Mike again yesterday.", unit(40, CASE));
    assertThat(e.findings())
        .filteredOn(f -> f.kind() == FindingKind.NAME || f.kind() == FindingKind.PSEUDONYM)
        .extracting(Finding::excerpt)
        .containsExactly("Mike Roe", "Tom", "Mike");
    // Mike Roe and Tom* are the same person: ruled out once; "yesterday" halves 39.
    assertThat(e.anonymitySet()).isEqualTo(20);
    assertThat(e.level()).isEqualTo(Level.LOW);
    assertThat(e.findings().get(0).reason()).contains("not the source");
    assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("“Mike Roe”"));
  }

  @Test
  void in_a_unit_of_three_naming_the_other_party_leaves_two_candidates() {
    Estimate e = estimate("Mike ignores the rules.", unit(3, CASE));
    assertThat(e.anonymitySet()).isEqualTo(2);
    assertThat(e.level()).isEqualTo(Level.HIGH);
  }

  @Test
  void a_surname_shared_by_a_source_and_another_person_counts_as_the_sources() {
    Context c =
        unit(40, List.of(new Person("John Smith", "", false), new Person("Mary Smith", "", true)));
    assertThat(estimate("Smith was there.", c).anonymitySet()).isEqualTo(1);
    assertThat(estimate("John was there.", c).anonymitySet()).isEqualTo(39);
  }

  @Test
  void reasons_quote_the_text_but_never_the_stored_name() {
    Estimate e = estimate("Helene raised it.", UNIT);
    assertThat(e.findings().get(0).reason()).contains("“Helene”").doesNotContain("Dubois");
    assertThat(String.join(" ", e.suggestions())).doesNotContain("Dubois");
  }

  @Test
  void anonymous_persons_without_name_or_pseudonym_are_fine() {
    Context c = unit(40, List.of(new Person("", "", true)));
    assertThat(estimate("A colleague raised it.", c).findings()).isEmpty();
  }
}
