package org.ombuds.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewCaseTest {
  private static final WorkUnit UNIT = new WorkUnit("Operations", 8);

  @Test
  void ioa_categories_are_loaded_with_their_names() {
    assertThat(Categories.ioa().all()).hasSizeGreaterThan(80);
    assertThat(Categories.ioa().find("2b"))
        .hasValueSatisfying(
            c -> assertThat(c.label()).isEqualTo("Evaluative Relationships: Respect/Treatment"));
    assertThat(Categories.ioa().find("6"))
        .hasValueSatisfying(
            c -> assertThat(c.label()).isEqualTo("Safety, Health, and Physical Environment"));
  }

  @Test
  void a_case_with_known_categories_is_accepted() {
    NewCase c = new NewCase("  Concerns  ", List.of("2b", "6a"), UNIT);
    assertThat(c.title()).isEqualTo("Concerns");
  }

  @Test
  void category_codes_are_trimmed_and_deduplicated_and_checked_later_by_the_service() {
    // Which codes are valid depends on the office's own list, so CaseService checks them (see
    // ApiIT.unknown_categories_are_refused_with_the_valid_list).
    assertThat(new NewCase("t", List.of(" 2b", "2b", "6a "), UNIT).categories())
        .containsExactly("2b", "6a");
  }

  @Test
  void titles_must_be_present_and_not_too_long() {
    assertThatThrownBy(() -> new NewCase(" ", List.of(), UNIT)).hasMessageContaining("title");
    assertThatThrownBy(() -> new NewCase("x".repeat(201), List.of(), UNIT))
        .hasMessageContaining("200");
  }

  @Test
  void work_units_need_a_name_and_a_sensible_size() {
    assertThatThrownBy(() -> new WorkUnit("", 3)).isInstanceOf(CaseException.class);
    assertThatThrownBy(() -> new WorkUnit("U", 0)).hasMessageContaining("size");
    assertThat(new WorkUnit(" Lab ", 1).name()).isEqualTo("Lab");
  }
}
