package org.ombuds.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup key ring: one key per period, old keys destroyed, the file kept private. */
class BackupKeyRingTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  @TempDir Path tmp;

  @Test
  void a_new_ring_is_owner_only_and_never_overwritten() throws IOException {
    Path file = tmp.resolve("ring");
    BackupKeyRing.create(file, 90, 30);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> BackupKeyRing.create(file, 90, 30))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("will not be overwritten");
  }

  @Test
  void one_key_per_period_and_the_file_stays_owner_only_after_a_rewrite() throws IOException {
    BackupKeyRing ring = BackupKeyRing.create(tmp.resolve("ring"), 90, 30);
    ring.rotate(NOW);
    ring.rotate(NOW.plus(Duration.ofHours(1)));
    BackupKeyRing reloaded = BackupKeyRing.load(ring.file());
    assertThat(reloaded.currentKeyId(NOW)).isPresent();
    int keys = reloaded.liveKeys();
    reloaded.rotate(NOW.plus(Duration.ofDays(31)));
    assertThat(BackupKeyRing.load(ring.file()).liveKeys()).isEqualTo(keys + 1);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ring.file())))
        .isEqualTo("rw-------");
  }

  @Test
  void keys_are_destroyed_exactly_when_their_period_plus_the_retention_has_passed() {
    BackupKeyRing ring = BackupKeyRing.create(tmp.resolve("ring"), 10, 7);
    ring.rotate(NOW);
    long period = ring.periodOf(NOW);
    Instant expiry = ring.expiryOf(period);
    assertThat(Duration.between(NOW, expiry)).isLessThanOrEqualTo(Duration.ofDays(17));
    assertThat(Duration.between(NOW, expiry)).isGreaterThan(Duration.ofDays(10));
    assertThat(ring.prune(expiry.minusMillis(1))).isZero();
    assertThat(ring.prune(expiry)).isEqualTo(1);
    String id = ring.currentKeyId(NOW).orElse("none");
    assertThat(id).isEqualTo("none");
    assertThat(ring.liveKeys()).isZero();
  }

  @Test
  void a_ring_readable_by_others_is_refused() throws IOException {
    Path file = tmp.resolve("ring");
    BackupKeyRing.create(file, 90, 30);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> BackupKeyRing.load(file))
        .isInstanceOf(VaultException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void a_file_that_is_not_a_ring_is_refused() throws IOException {
    Path file = tmp.resolve("not-a-ring");
    Files.writeString(file, "ombuds-audit-key-v1 AAAA\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> BackupKeyRing.load(file))
        .isInstanceOf(BackupException.class)
        .hasMessageContaining("not an ombuds backup key file");
  }

  @Test
  void policies_out_of_range_are_refused() {
    assertThatThrownBy(() -> BackupKeyRing.create(tmp.resolve("a"), 0, 30))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackupKeyRing.create(tmp.resolve("b"), 90, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Files.exists(tmp.resolve("a"))).isFalse();
  }

  @Test
  void prints_redacted() {
    assertThat(BackupKeyRing.create(tmp.resolve("ring"), 90, 30)).hasToString("[REDACTED]");
  }
}
