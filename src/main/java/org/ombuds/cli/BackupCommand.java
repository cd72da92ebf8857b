package org.ombuds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ombuds.backup.Backups;
import org.ombuds.vault.BackupKeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds backup}: an encrypted, consistent backup, also while the server runs. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a consistent, encrypted backup of the office (database, settings, audit head) to a",
      "new FILE, also while the server runs. The audit key is left out unless --with-audit-key:",
      "keep it apart. Exit 0 done, 2 bad input, 1 failure (no file is left then)."
    })
final class BackupCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "New backup file.")
  Path out;

  @Option(
      names = "--key",
      paramLabel = "KEYFILE",
      description = "The backup key file (default: $OMBUDS_BACKUP_KEY).")
  Path key;

  @Option(
      names = "--with-audit-key",
      description = "Also put the audit key in the backup (then keep the backup doubly safe).")
  boolean withAuditKey;

  @Spec CommandSpec spec;

  /**
   * Test hook: once the backup is complete in its partial file, wait until this file exists before
   * putting it in place (so that a test can make two backups overlap).
   */
  static final String HOLD_BEFORE_PUBLISH = "ombuds.backup.holdBeforePublishUntil";

  private static void holdIfAsked() {
    String until = System.getProperty(HOLD_BEFORE_PUBLISH);
    if (until == null) {
      return;
    }
    try {
      java.nio.file.Files.createFile(Path.of(until + ".waiting"));
      while (!java.nio.file.Files.exists(Path.of(until))) {
        Thread.sleep(20);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Integer call() {
    BackupKeyRing ring = BackupKeyFile.load(Optional.ofNullable(key));
    ProgressReport progress = new ProgressReport(spec.commandLine().getErr(), "backup");
    Backups.Made made;
    try {
      made =
          Backups.backup(
              data.dir(),
              data.dbUrl(),
              ring,
              out,
              withAuditKey,
              Clock.systemUTC(),
              progress,
              BackupCommand::holdIfAsked);
    } finally {
      progress.finish();
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "Backup written to "
            + made.file()
            + ": "
            + made.rows()
            + " rows in "
            + made.tables()
            + " tables, "
            + made.bytes()
            + " bytes, encrypted.");
    if (made.keysDestroyed() > 0) {
      o.println("Destroyed " + made.keysDestroyed() + " expired backup key(s).");
    }
    if (!withAuditKey) {
      o.println("The audit key is not in the backup: a restore needs it (--audit-key).");
    }
    o.flush();
    return 0;
  }
}
