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
}
