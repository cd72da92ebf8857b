package org.ombuds.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ombuds.vault.BackupKeyRing;
import org.ombuds.vault.VaultException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds backup-key}: makes and prunes the office's backup key ring. */
@Command(
    name = "backup-key",
    mixinStandardHelpOptions = true,
    description = "Makes and prunes the backup key file (a ring of keys, one per period).",
    subcommands = {BackupKeyCommand.New.class, BackupKeyCommand.Prune.class})
final class BackupKeyCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ombuds backup-key new}. */
  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = {
        "Creates a new backup key file (owner-only). Keep it OFF the server: on the machine or",
        "disk that runs the backups, with a copy in a safe place. Every backup uses the key of",
        "its period; keys older than the retention are destroyed, so old backups become",
        "unreadable."
      })
  static final class New implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "KEYFILE", description = "New file.")
    Path out;

    @Option(
        names = "--retention-days",
        defaultValue = "" + BackupKeyRing.DEFAULT_RETENTION_DAYS,
        description =
            "Days a backup stays readable after its key's period (default ${DEFAULT-VALUE}).")
    int retentionDays;

    @Option(
        names = "--period-days",
        defaultValue = "" + BackupKeyRing.DEFAULT_PERIOD_DAYS,
        description = "Days one key is used for (default ${DEFAULT-VALUE}).")
    int periodDays;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      BackupKeyRing ring;
      try {
        ring = BackupKeyRing.create(out, retentionDays, periodDays);
      } catch (IllegalArgumentException | VaultException e) {
        throw new UsageException(e.getMessage());
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println("Created the backup key file " + ring.file() + ".");
      o.println(
          "A backup can be decrypted for at most "
              + ring.longestLife().toDays()
              + " days ("
              + periodDays
              + "-day key period + "
              + retentionDays
              + " days retention), as long as every copy of this file is pruned.");
      o.println("Keep it off the server, and never beside the backups.");
      o.flush();
      return 0;
    }
  }

  /** {@code ombuds backup-key prune}. */
  @Command(
      name = "prune",
      mixinStandardHelpOptions = true,
      description = {
        "Destroys the keys whose backups have expired (every backup does it too). Run it on",
        "every copy of the key file."
      })
  static final class Prune implements Callable<Integer> {
    @Option(names = "--key", paramLabel = "KEYFILE", description = "The backup key file.")
    Path key;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      BackupKeyRing ring = BackupKeyFile.load(Optional.ofNullable(key));
      int n = ring.prune(Clock.systemUTC().instant());
      spec.commandLine()
          .getOut()
          .println(
              "Destroyed " + n + " expired backup key(s); " + ring.liveKeys() + " key(s) left.");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
