package org.ombuds.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ombuds.account.Username;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.audit.Verification;
import org.ombuds.store.TableCopier;
import org.ombuds.testing.Postgres;
import org.ombuds.vault.BackupKeyRing;
import org.ombuds.vault.Passphrase;

/** Backup and restore in process: PostgreSQL offices, the audit key inside, expiry by date. */
class BackupRestoreIT {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  @TempDir Path tmp;

  private DataDir office(Optional<String> db) {
    DataDir dir = new DataDir(tmp.resolve("office"));
    try (Passphrase p = Passphrase.of("a long test passphrase")) {
      Office.init(dir, db, new Username("jo"), p, CLOCK).office().close();
    }
    return dir;
  }

  @Test
  void a_postgres_office_restores_onto_sqlite_with_its_audit_log_intact() {
    String pg = Postgres.newDatabase();
    DataDir dir = office(Optional.of(pg));
    BackupKeyRing ring = BackupKeyRing.create(tmp.resolve("ring"), 90, 30);
    Path file = tmp.resolve("pg.obk");
    Backups.Made made =
        Backups.backup(dir, Optional.empty(), ring, file, true, CLOCK, TableCopier.Progress.NONE);
    assertThat(made.rows()).isPositive();

    Path into = tmp.resolve("restored");
    Restore.Restored r =
        Restore.restore(file, ring, into, Optional.empty(), CLOCK, TableCopier.Progress.NONE);
    assertThat(r.rows()).isEqualTo(made.rows());
    DataDir restored = new DataDir(into);
    assertThat(restored.settings().getProperty("db.url")).as("restored onto SQLite").isNull();
    assertThat(into.resolve("ombuds.db")).exists();
    try (Office o = Office.open(restored, Optional.empty(), CLOCK)) {
      assertThat(o.audit().verify()).isInstanceOf(Verification.Intact.class);
      assertThat(o.accounts()).isNotNull();
    }
  }

  @Test
  void a_backup_past_the_retention_is_refused_by_date_and_nothing_is_made() {
    DataDir dir = office(Optional.empty());
    BackupKeyRing ring = BackupKeyRing.create(tmp.resolve("ring"), 10, 30);
    Path file = tmp.resolve("old.obk");
    Backups.backup(dir, Optional.empty(), ring, file, true, CLOCK, TableCopier.Progress.NONE);
    Clock later = Clock.fixed(NOW.plus(Duration.ofDays(11)), ZoneOffset.UTC);
    Path into = tmp.resolve("restored");
    assertThatThrownBy(
            () ->
                Restore.restore(
                    file, ring, into, Optional.empty(), later, TableCopier.Progress.NONE))
        .isInstanceOf(BackupFailure.class)
        .hasMessageContaining("older than the office's retention")
        .extracting(e -> ((BackupFailure) e).kind())
        .isEqualTo(BackupFailure.Kind.BAD_INPUT);
    assertThat(into).doesNotExist();
  }

  @Test
  void a_backup_never_overwrites_and_a_failed_one_leaves_no_file() throws Exception {
    DataDir dir = office(Optional.empty());
    BackupKeyRing ring = BackupKeyRing.create(tmp.resolve("ring"), 90, 30);
    Path file = tmp.resolve("b.obk");
    Files.writeString(file, "already here");
    assertThatThrownBy(
            () ->
                Backups.backup(
                    dir, Optional.empty(), ring, file, false, CLOCK, TableCopier.Progress.NONE))
        .isInstanceOf(BackupFailure.class)
        .hasMessageContaining("exists already");
    assertThat(Files.readString(file)).isEqualTo("already here");

    Path nowhere = tmp.resolve("no-office");
    Path out = tmp.resolve("c.obk");
    assertThatThrownBy(
            () ->
                Backups.backup(
                    new DataDir(nowhere),
                    Optional.empty(),
                    ring,
                    out,
                    false,
                    CLOCK,
                    TableCopier.Progress.NONE))
        .isInstanceOf(BackupFailure.class);
    assertThat(out).doesNotExist();
    assertThat(tmp.resolve(".c.obk.partial")).doesNotExist();
  }

  @Test
  void without_the_audit_key_in_the_backup_or_given_the_restore_is_refused() {
    DataDir dir = office(Optional.empty());
    BackupKeyRing ring = BackupKeyRing.create(tmp.resolve("ring"), 90, 30);
    Path file = tmp.resolve("b.obk");
    Backups.backup(dir, Optional.empty(), ring, file, false, CLOCK, TableCopier.Progress.NONE);
    Path into = tmp.resolve("restored");
    assertThatThrownBy(
            () ->
                Restore.restore(
                    file, ring, into, Optional.empty(), CLOCK, TableCopier.Progress.NONE))
        .isInstanceOf(BackupFailure.class)
        .hasMessageContaining("--audit-key");
    assertThat(into).doesNotExist();
  }
}
