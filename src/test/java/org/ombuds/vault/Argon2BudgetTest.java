package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2BudgetTest {
  private static final long MIB = 1024L * 1024;

  @Test
  void the_launchers_heap_lets_two_default_derivations_run_at_once_but_not_three() {
    int budget = Argon2Kdf.budgetKib(192 * MIB);
    int each = Argon2Kdf.permitsFor(KdfParams.DEFAULT, budget);
    assertThat(budget / each).isEqualTo(2);
  }

  @Test
  void a_small_heap_still_runs_one_derivation() {
    int budget = Argon2Kdf.budgetKib(64 * MIB);
    assertThat(Argon2Kdf.permitsFor(KdfParams.DEFAULT, budget)).isEqualTo(budget);
    assertThat(budget).isEqualTo(KdfParams.MIN_MEMORY_KIB);
  }

  @Test
  void a_derivation_larger_than_the_budget_runs_alone_instead_of_waiting_forever() {
    int budget = Argon2Kdf.budgetKib(192 * MIB);
    KdfParams huge = new KdfParams(1024 * 1024, 3, 1);
    assertThat(Argon2Kdf.permitsFor(huge, budget)).isEqualTo(budget);
  }
}
