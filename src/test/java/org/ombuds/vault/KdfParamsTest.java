package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KdfParamsTest {
  @Test
  void default_is64MiB_3Iterations_1Lane() {
    assertThat(KdfParams.DEFAULT).isEqualTo(new KdfParams(65536, 3, 1));
  }

  @ParameterizedTest
  @ValueSource(ints = {65535, 32768, 19456, 1, 0, -1, Integer.MIN_VALUE})
  void memoryBelow64MiB_isRefused(int memoryKib) {
    assertThatThrownBy(() -> new KdfParams(memoryKib, 3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 MiB");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65})
  void iterationsOutOfRange_areRefused(int iterations) {
    assertThatThrownBy(() -> new KdfParams(65536, iterations, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65})
  void parallelismOutOfRange_isRefused(int parallelism) {
    assertThatThrownBy(() -> new KdfParams(65536, 3, parallelism))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void memoryAbove4GiB_isRefused_soATamperedRowCannotExhaustTheServer() {
    assertThatThrownBy(() -> new KdfParams(4 * 1024 * 1024 + 1, 3, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void boundsThemselves_areAccepted() {
    assertThat(new KdfParams(65536, 1, 1).memoryKib()).isEqualTo(65536);
    assertThat(new KdfParams(4 * 1024 * 1024, 64, 64).parallelism()).isEqualTo(64);
  }
}
