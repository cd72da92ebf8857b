package org.ombuds.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.ombuds.vault.BackupException;
import org.ombuds.vault.BackupKeyRing;
import org.ombuds.vault.VaultException;

/** Finds and loads the backup key ring: {@code --key}, else {@code OMBUDS_BACKUP_KEY}. */
final class BackupKeyFile {
  static final String ENV = "OMBUDS_BACKUP_KEY";

  private BackupKeyFile() {}

  static BackupKeyRing load(Optional<Path> option) {
    Path file =
        option
            .or(
                () ->
                    Optional.ofNullable(System.getenv(ENV)).filter(s -> !s.isBlank()).map(Path::of))
            .orElseThrow(
                () ->
                    new UsageException(
                        "No backup key: give --key KEYFILE or set "
                            + ENV
                            + " (make one with 'ombuds backup-key new --out KEYFILE')."));
    try {
      return BackupKeyRing.load(file);
    } catch (BackupException e) {
      throw new UsageException(e.getMessage());
    } catch (VaultException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
