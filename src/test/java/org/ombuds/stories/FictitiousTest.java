package org.ombuds.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FictitiousTest {
  private static final List<Fictitious.Cast> CAST =
      List.of(
          new Fictitious.Cast("Hélène Dubois-Martin", "Robin*"),
          new Fictitious.Cast("Michael Bauer", "Sam*"));

  @Test
  void samePerson_getsTheSameName_everywhere_firstMentionStarred() {
    String out =
        Fictitious.rename(
            "Hélène Dubois-Martin met Michael Bauer. Later Hélène said Bauer was rude; Hélène left.",
            CAST);
    assertThat(out).isEqualTo("Robin* met Sam*. Later Robin said Sam was rude; Robin left.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Hélène",
        "Helene",
        "HÉLÈNE",
        "helene",
        "Dubois-Martin",
        "Dubois",
        "Hélène Dubois"
      })
  void anySpellingOfTheRealName_isReplaced(String spelling) {
    String out = Fictitious.rename("We met " + spelling + " twice.", CAST);
    assertThat(out).isEqualTo("We met Robin* twice.");
  }

  @Test
  void possessives_followTheName() {
    String out =
        Fictitious.rename("Michael came. It was Michael’s idea, and Michael's alone.", CAST);
    assertThat(out).isEqualTo("Sam* came. It was Sam’s idea, and Sam's alone.");
  }

  @Test
  void wordsThatAreNotTheNames_areLeftAlone() {
    String text = "The group leader met a colleague about the safety rules.";
    assertThat(Fictitious.rename(text, CAST)).isEqualTo(text);
  }

  @Test
  void aPersonWithoutARealName_isSkipped() {
    String text = "The manager came.";
    assertThat(Fictitious.rename(text, List.of(new Fictitious.Cast("", "Kim*")))).isEqualTo(text);
  }

  @Test
  void noRealNameSurvives_theRenaming() {
    String out =
        Fictitious.rename(
            "HELENE DUBOIS-MARTIN and Michael Bauer; michael bauer; Dubois-Martin's office.", CAST);
    for (Fictitious.Cast c : CAST) {
      assertThat(Fictitious.namesOf(out, c.realName())).isEmpty();
    }
  }
}
