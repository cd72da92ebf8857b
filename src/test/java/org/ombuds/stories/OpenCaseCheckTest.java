package org.ombuds.stories;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ombuds.anonymity.NameMatcher;
import org.ombuds.mandate.ExitCheck;

class OpenCaseCheckTest {
  private static final List<ExitCheck.OnFile> OPEN =
      List.of(
          new ExitCheck.OnFile("c1", "Robin*", true, NameMatcher.Kind.NAME, "Jane Moreau"),
          new ExitCheck.OnFile("c1", "Robin*", true, NameMatcher.Kind.PSEUDONYM, "Robin*"),
          new ExitCheck.OnFile("c2", "Kim*", true, NameMatcher.Kind.PSEUDONYM, "Kim*"));
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static OpenCaseCheck.Outcome check(String text, List<ExitCheck.OnFile> open) {
    return OpenCaseCheck.of("s", 1, text, ExitCheck.judge(text, open), NOW);
  }

  @Test
  void aRealName_inAnySpelling_blocks_withThePseudonymAndSpan() {
    String text = "Ana* met MOREAU in the corridor.";
    OpenCaseCheck.Outcome o = check(text, OPEN);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Blocked.class);
    OpenCaseCheck.Match m = ((OpenCaseCheck.Outcome.Blocked) o).matches().get(0);
    assertThat(m.pseudonym()).isEqualTo("Robin*");
    assertThat(text.substring(m.start(), m.end())).isEqualTo("MOREAU");
    assertThat(m.byPseudonym()).isFalse();
    assertThat(((OpenCaseCheck.Outcome.Blocked) o).message())
        .isEqualTo(
            "'MOREAU' is the name of a person in one of your open cases: use a fictitious name,"
                + " marked with an asterisk (Jane*).");
  }

  @Test
  void aPseudonymOfAnOpenCase_blocks() {
    OpenCaseCheck.Outcome o = check("Kim* came to see us.", OPEN);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Blocked.class);
    assertThat(((OpenCaseCheck.Outcome.Blocked) o).matches().get(0).byPseudonym()).isTrue();
  }

  @Test
  void aStoryWithOtherNames_isCleared_asExactlyThatText() {
    String text = "Ana* came to see us.\n\n" + Disclaimer.ENGLISH;
    OpenCaseCheck.Outcome o = OpenCaseCheck.of("s", 3, text, ExitCheck.judge(text, OPEN), NOW);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Cleared.class);
    ClearedStory c = ((OpenCaseCheck.Outcome.Cleared) o).story();
    assertThat(c.text()).isEqualTo(text);
    assertThat(c.version()).isEqualTo(3);
    assertThat(c.toString()).doesNotContain("Ana");
  }

  @Test
  void aVerdictOnAnotherText_clearsNothing() {
    String checked = "Ana* came to see us.";
    OpenCaseCheck.Outcome o =
        OpenCaseCheck.of("s", 1, "Moreau came.", ExitCheck.judge(checked, OPEN), NOW);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Blocked.class);
  }

  @Test
  void aNameOfACaseTheOmbudsIsRecusedFrom_blocks_withTheGenericRefusal_showingNothing() {
    List<ExitCheck.OnFile> open =
        List.of(
            new ExitCheck.OnFile("c1", "Robin*", false, NameMatcher.Kind.NAME, "Jane Moreau"),
            new ExitCheck.OnFile("c2", "Sacha*", false, NameMatcher.Kind.NAME, "Paul Moreau"));
    String text = "Ana* met Moreau in the corridor.";
    OpenCaseCheck.Outcome o = check(text, open);
    assertThat(o).isInstanceOf(OpenCaseCheck.Outcome.Blocked.class);
    OpenCaseCheck.Outcome.Blocked b = (OpenCaseCheck.Outcome.Blocked) o;
    // No word, no pseudonym, no count: the same refusal whatever matched.
    assertThat(b.matches()).isEmpty();
    assertThat(b.message()).isEqualTo(ExitCheck.GENERIC);
    OpenCaseCheck.Outcome.Blocked other =
        (OpenCaseCheck.Outcome.Blocked) check("Jane came, then Paul.", open);
    assertThat(other).isEqualTo(b);
  }

  @Test
  void aStoryWithoutTheNamesOfACaseTheOmbudsIsRecusedFrom_isCleared() {
    List<ExitCheck.OnFile> open =
        List.of(new ExitCheck.OnFile("c1", "Robin*", false, NameMatcher.Kind.NAME, "Jane Moreau"));
    assertThat(check("Ana* came to see us.", open))
        .isInstanceOf(OpenCaseCheck.Outcome.Cleared.class);
  }
}
