package org.ombuds.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LateTest {
  @Test
  void a_bound_collaborator_is_given() {
    Late<String> late = Late.of("the greeting");
    late.bind("hello");
    Late.requireBound(late);
    assertThat(late.get()).isEqualTo("hello");
  }

  @Test
  void one_never_bound_fails_naming_it_at_the_start_check_and_at_use() {
    Late<String> bound = Late.of("the greeting");
    bound.bind("hello");
    Late<String> forgotten = Late.of("the portal's pending consents");
    assertThatThrownBy(() -> Late.requireBound(bound, forgotten))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the portal's pending consents");
    assertThatThrownBy(forgotten::get).hasMessageContaining("not wired");
  }

  @Test
  void it_is_bound_once() {
    Late<String> late = Late.of("the greeting");
    late.bind("hello");
    assertThatThrownBy(() -> late.bind("again")).hasMessageContaining("twice");
    assertThat(late.get()).isEqualTo("hello");
  }
}
