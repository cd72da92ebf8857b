package org.ombuds.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.ombuds.account.PassphrasePolicy;
import org.ombuds.account.Username;
import org.ombuds.app.Office;
import org.ombuds.vault.Passphrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds init}: creates an office and its first Ombuds account. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Creates the office in DIR (which must be new or empty) and its first Ombuds account.",
      "The passphrase is read from OMBUDS_PASSPHRASE, or asked for in the terminal.",
      "Prints the office's recovery key ONCE: write it down and keep it apart from backups."
    })
final class InitCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(
      names = "--username",
      required = true,
      paramLabel = "U",
      description = "The first Ombuds' username.")
  String username;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Username u;
    try {
      u = Username.parse(username);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    try (Passphrase p =
        Secrets.passphrase(
            "OMBUDS_PASSPHRASE",
            "Passphrase for " + u + " (at least " + PassphrasePolicy.MIN_LENGTH + " characters)",
            true)) {
      Office.Created created = Office.init(data.dir(), data.dbUrl(), u, p, Clock.systemUTC());
      created.office().close();
      out.println(
          "Created the office in " + data.dir().root() + " with the Ombuds account '" + u + "'.");
      out.println();
      out.println(
          "RECOVERY KEY (shown once; it can reopen the office if every passphrase is lost):");
      out.println();
      out.println("    " + created.created().recoveryKey().reveal());
      out.println();
      out.println("Write it on paper and keep it locked away, apart from the backups.");
      out.println("Next: ombuds serve --data " + data.dir().root());
      out.flush();
      return 0;
    }
  }
}
