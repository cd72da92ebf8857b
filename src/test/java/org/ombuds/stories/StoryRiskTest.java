package org.ombuds.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ombuds.anonymity.Person;
import org.ombuds.anonymity.Thresholds;
import org.ombuds.mandate.RiskView;

/**
 * Each kind of identifying detail a story can hold is flagged; the safe variant beside it is not.
 */
class StoryRiskTest {
  private static final List<Person> CASE =
      List.of(new Person("Jane Moreau", "Robin*", true), new Person("Mike Keller", "Sam*", false));
  private static final String UNIT = "Cryogenic operations";
  private static final String SAFE =
      "Robin* came to the Ombuds to share concerns about Sam*, a colleague. The Ombuds listened."
          + "\n\n"
          + Disclaimer.ENGLISH;

  private static RiskView assess(String text) {
    return StoryRisk.assess(text, CASE, UNIT, 2_500, Thresholds.DEFAULTS);
  }

  private static List<String> kinds(RiskView r) {
    return r.findings().stream().map(RiskView.FindingView::kind).toList();
  }

  private static List<String> excerpts(RiskView r, String kind) {
    return r.findings().stream()
        .filter(f -> f.kind().equals(kind))
        .map(RiskView.FindingView::excerpt)
        .toList();
  }

  @Test
  void aSafeStory_hasNoTextFindings_andLowRisk() {
    RiskView r = assess(SAFE);
    assertThat(r.findings()).isEmpty();
    assertThat(r.level()).isEqualTo("LOW");
  }

  @ParameterizedTest
  @CsvSource({"Jane", "JANE MOREAU", "Moreau", "jane", "Kéller", "Mike Keller"})
  void aRealNameOfTheCase_inAnySpelling_isHigh(String spelling) {
    RiskView r = assess("Robin* talked to " + spelling + " about it.\n\n" + Disclaimer.ENGLISH);
    assertThat(excerpts(r, "NAME")).containsExactly(spelling);
    assertThat(r.level()).isEqualTo("HIGH");
  }

  @ParameterizedTest
  @CsvSource({
    "'Robin* talked to John Smith about it.', John Smith",
    "'Robin* wrote to Mr Dupont.', Dupont",
    "'Robin* then told Pierre everything.', Pierre"
  })
  void anotherRealLookingName_isHigh(String text, String name) {
    RiskView r = assess(text + "\n\n" + Disclaimer.ENGLISH);
    assertThat(excerpts(r, "NAME")).contains(name);
    assertThat(r.level()).isEqualTo("HIGH");
  }

  @Test
  void theStorysOwnFictitiousNames_withOrWithoutAsterisk_areNotNames() {
    RiskView r =
        assess(
            "Robin* met Sam*. Later Robin said Sam’s idea was good, and Robin’s manager agreed."
                + "\n\n"
                + Disclaimer.ENGLISH);
    assertThat(kinds(r)).doesNotContain("NAME", "PSEUDONYM");
  }

  @ParameterizedTest
  @CsvSource({
    "'They met in building 40 twice.', building 40",
    "'They met in room 2-R-030.', room 2-R-030",
    "'It happened at Meyrin, by the gate.', Meyrin",
    "'Robin* works in Prévessin.', Prévessin"
  })
  void places_areFlagged(String text, String place) {
    RiskView r = assess(text + "\n\n" + Disclaimer.ENGLISH);
    assertThat(excerpts(r, "PLACE")).contains(place);
    assertThat(r.level()).isIn("MEDIUM", "HIGH");
  }

  @Test
  void noPlace_inASentenceAboutPlacesInGeneral() {
    RiskView r = assess("They met in a meeting room, in the end.\n\n" + Disclaimer.ENGLISH);
    assertThat(kinds(r)).doesNotContain("PLACE");
  }

  @ParameterizedTest
  @CsvSource({
    "'Robin* works in the cryogenic Operations team.', cryogenic Operations",
    "'Robin* works in BE-OP.', BE-OP",
    "'Robin* joined the Vacuum Section last year.', Vacuum Section",
    "'Robin* joined group TE-VSC.', TE-VSC"
  })
  void units_areFlagged(String text, String unit) {
    RiskView r = assess(text + "\n\n" + Disclaimer.ENGLISH);
    assertThat(String.join("|", excerpts(r, "UNIT"))).contains(unit);
    assertThat(r.level()).isIn("MEDIUM", "HIGH");
  }

  @Test
  void noUnit_whenTheGroupIsOnlyCalledAGroup() {
    RiskView r =
        assess("Robin* works in a small group of the Organization.\n\n" + Disclaimer.ENGLISH);
    assertThat(kinds(r)).doesNotContain("UNIT");
  }

  @ParameterizedTest
  @CsvSource({
    "'Robin* came on 12 March 2024.'",
    "'Robin* came last Tuesday.'",
    "'Robin* came on 2024-03-12.'"
  })
  void dates_areFlagged(String text) {
    assertThat(kinds(assess(text + "\n\n" + Disclaimer.ENGLISH))).contains("DATE");
  }

  @Test
  void noDate_inATimelessStory() {
    assertThat(kinds(assess(SAFE))).doesNotContain("DATE");
  }

  @ParameterizedTest
  @CsvSource({
    "'Robin*, the only woman of the team, came.'",
    "'Robin*, the only engineer aged 54, came.'"
  })
  void singlingOutDetails_areFlagged(String text) {
    RiskView r = assess(text + "\n\n" + Disclaimer.ENGLISH);
    assertThat(kinds(r)).contains("SINGLING_OUT");
  }

  @Test
  void noSinglingOut_inAGeneralDescription() {
    RiskView r = assess("Robin*, one of many colleagues, came.\n\n" + Disclaimer.ENGLISH);
    assertThat(kinds(r)).doesNotContain("SINGLING_OUT");
  }

  @Test
  void theWholeOrganization_isTheAudience() {
    RiskView small = StoryRisk.assess(SAFE, CASE, UNIT, 8, Thresholds.DEFAULTS);
    RiskView large = StoryRisk.assess(SAFE, CASE, UNIT, 2_500, Thresholds.DEFAULTS);
    assertThat(small.anonymitySet()).isEqualTo(8);
    assertThat(large.anonymitySet()).isEqualTo(2_500);
    assertThat(small.level()).isNotEqualTo("LOW");
  }
}
