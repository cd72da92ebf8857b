package org.ombuds.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenCaseCheckTest {
  private static final List<OpenCaseCheck.OpenPerson> OPEN =
      List.of(
          new OpenCaseCheck.OpenPerson("Jane Moreau", "Robin*"),
          new OpenCaseCheck.OpenPerson("", "Kim*"));
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aRealName_inAnySpelling_blocks_withThePseudonymAndSpan() {
    String text = "Ana* met MOREAU in the corridor.";
    OpenCaseCheck.Outcome o = OpenCaseCheck.check("s", 1, text, OPEN, NOW);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Blocked.class);
    OpenCaseCheck.Match m = ((OpenCaseCheck.Outcome.Blocked) o).matches().get(0);
    assertThat(m.pseudonym()).isEqualTo("Robin*");
    assertThat(text.substring(m.start(), m.end())).isEqualTo("MOREAU");
    assertThat(m.byPseudonym()).isFalse();
  }

  @Test
  void aPseudonymOfAnOpenCase_blocks() {
    OpenCaseCheck.Outcome o = OpenCaseCheck.check("s", 1, "Kim* came to see us.", OPEN, NOW);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Blocked.class);
    assertThat(((OpenCaseCheck.Outcome.Blocked) o).matches().get(0).byPseudonym()).isTrue();
  }

  @Test
  void aStoryWithOtherNames_isCleared_asExactlyThatText() {
    String text = "Ana* came to see us.\n\n" + Disclaimer.ENGLISH;
    OpenCaseCheck.Outcome o = OpenCaseCheck.check("s", 3, text, OPEN, NOW);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Cleared.class);
    ClearedStory c = ((OpenCaseCheck.Outcome.Cleared) o).story();
    assertThat(c.text()).isEqualTo(text);
    assertThat(c.version()).isEqualTo(3);
    assertThat(c.toString()).doesNotContain("Ana");
  }

  @Test
  void aNameOfACaseTheOmbudsIsRecusedFrom_blocks_withoutSayingWhoseItIs() {
    List<OpenCaseCheck.OpenPerson> open =
        List.of(
            new OpenCaseCheck.OpenPerson("Jane Moreau", "Robin*", false),
            new OpenCaseCheck.OpenPerson("Paul Moreau", "Sacha*", false));
    String text = "Ana* met Moreau in the corridor.";
    OpenCaseCheck.Outcome o = OpenCaseCheck.check("s", 1, text, open, NOW);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Blocked.class);
    List<OpenCaseCheck.Match> matches = ((OpenCaseCheck.Outcome.Blocked) o).matches();
    // One match for the word typed, naming no pseudonym and not counting the hidden persons.
    assertThat(matches).hasSize(1);
    assertThat(matches.get(0).pseudonym()).isEmpty();
    assertThat(text.substring(matches.get(0).start(), matches.get(0).end())).isEqualTo("Moreau");
    assertThat(matches.toString()).doesNotContain("Robin", "Sacha", "Jane", "Paul");
  }

  @Test
  void aStoryWithoutTheNamesOfACaseTheOmbudsIsRecusedFrom_isCleared() {
    List<OpenCaseCheck.OpenPerson> open =
        List.of(new OpenCaseCheck.OpenPerson("Jane Moreau", "Robin*", false));
    assertThat(OpenCaseCheck.check("s", 1, "Ana* came to see us.", open, NOW))
        .isInstanceOf(OpenCaseCheck.Outcome.Cleared.class);
  }
}
