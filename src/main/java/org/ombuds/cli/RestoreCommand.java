package org.ombuds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ombuds.backup.Restore;
import org.ombuds.vault.BackupKeyRing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds restore}: rebuilds a data directory from a backup, checked before it is used. */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuilds an office in a new or empty NEWDIR from a backup: decrypts it, checks every",
      "table's row count and the audit log, then moves it into place. A truncated, altered,",
      "expired or other-key backup is refused and nothing is left behind.",
      "Exit 0 done, 2 bad input (other key, expired, target not empty), 3 damaged backup, 1",
      "other failure."
    })
final class RestoreCommand implements Callable<Integer> {
  @Option(names = "--from", required = true, paramLabel = "FILE", description = "The backup.")
  Path from;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "NEWDIR",
      description = "The new data directory.")
  Path data;

  @Option(
      names = "--key",
      paramLabel = "KEYFILE",
      description = "The backup key file (default: $OMBUDS_BACKUP_KEY).")
  Path key;

  @Option(
      names = "--audit-key",
      paramLabel = "PATH",
      description = "The office's audit key file (needed unless the backup holds it).")
  Path auditKey;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    BackupKeyRing ring = BackupKeyFile.load(Optional.ofNullable(key));
    ProgressReport progress = new ProgressReport(spec.commandLine().getErr(), "restore");
    Restore.Restored r;
    try {
      r =
          Restore.restore(
              from, ring, data, Optional.ofNullable(auditKey), Clock.systemUTC(), progress);
    } finally {
      progress.finish();
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        "Restored the backup of "
            + r.madeAt()
            + " into "
            + r.dir()
            + ": "
            + r.rows()
            + " rows in "
            + r.tables()
            + " tables; audit log intact ("
            + r.auditEntries()
            + " entries).");
    o.println("Next: ombuds serve --data " + r.dir());
    o.flush();
    return 0;
  }
}
