package org.ombuds.stories;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisclaimerTest {
  @Test
  void bothLanguages_areRecognized_inAnySpacingOrApostrophe() {
    assertThat(Disclaimer.presentIn("Story.\n\n" + Disclaimer.ENGLISH)).isTrue();
    assertThat(Disclaimer.presentIn("Histoire.\n\n" + Disclaimer.FRENCH)).isTrue();
    assertThat(Disclaimer.presentIn("* les noms et l'histoire  sont purement FICTIFS.")).isTrue();
    assertThat(Disclaimer.languageOf(Disclaimer.FRENCH)).isEqualTo("fr");
    assertThat(Disclaimer.languageOf(Disclaimer.ENGLISH)).isEqualTo("en");
  }

  @Test
  void aStoryWithoutIt_isNotRecognized() {
    assertThat(Disclaimer.presentIn("Jane* came to the Ombuds.")).isFalse();
    assertThat(Disclaimer.presentIn("Names are fictitious.")).isFalse();
  }
}
