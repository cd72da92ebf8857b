package org.ombuds.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.ombuds.account.AccountException;
import org.ombuds.account.Username;
import org.ombuds.app.Office;
import org.ombuds.vault.Passphrase;
import org.ombuds.vault.RecoveryKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds recover}: a new passphrase for an account, with the office's recovery key. */
@Command(
    name = "recover",
    mixinStandardHelpOptions = true,
    description = {
      "Sets a new passphrase for an Ombuds account using the office's recovery key",
      "(OMBUDS_RECOVERY_KEY or prompt); the new passphrase comes from OMBUDS_NEW_PASSPHRASE or a prompt."
    })
final class RecoverCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--username", required = true, description = "The account to recover.")
  String username;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Username u;
    RecoveryKey key;
    try {
      u = Username.parse(username);
      key =
          RecoveryKey.parse(
              Secrets.text("OMBUDS_RECOVERY_KEY", "Recovery key")
                  .orElseThrow(
                      () ->
                          new UsageException(
                              "No recovery key: set OMBUDS_RECOVERY_KEY or use a terminal.")));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    try (Office office = Office.open(data.dir(), data.dbUrl(), Clock.systemUTC());
        Passphrase p = Secrets.passphrase("OMBUDS_NEW_PASSPHRASE", "New passphrase", true)) {
      if (!office.accounts().recover(u, key, p)) {
        throw new UsageException("That recovery key does not open this office.");
      }
      spec.commandLine().getOut().println("New passphrase set for '" + u + "'.");
      spec.commandLine().getOut().flush();
      return 0;
    } catch (AccountException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
