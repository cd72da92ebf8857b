package org.ombuds.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ombuds.account.Account;
import org.ombuds.account.AccountException;
import org.ombuds.account.LoginResult;
import org.ombuds.account.PassphrasePolicy;
import org.ombuds.account.Username;
import org.ombuds.app.Office;
import org.ombuds.safeguards.SecondOmbuds;
import org.ombuds.vault.Passphrase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds user}: the office's Ombuds accounts. */
@Command(
    name = "user",
    mixinStandardHelpOptions = true,
    description = "Lists or adds Ombuds accounts.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class})
final class UserCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ombuds user add}. */
  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = {
        "Adds an Ombuds account. An existing Ombuds (--as) unlocks the office with their",
        "passphrase (OMBUDS_PASSPHRASE or prompt) and wraps its keys for the new account, whose",
        "passphrase comes from OMBUDS_NEW_PASSPHRASE or a prompt. The new account inherits",
        "your recusals; where the office has more than one active Ombuds it cannot log in until",
        "another Ombuds confirms it."
      })
  static final class Add implements Callable<Integer> {
    @Mixin DataDirOption data;

    @Option(names = "--username", required = true, description = "The new account's username.")
    String username;

    @Option(names = "--as", required = true, description = "Your own username.")
    String actor;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Username newUser;
      try {
        newUser = Username.parse(username);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      try (Office office = Office.open(data.dir(), data.dbUrl(), Clock.systemUTC());
          Passphrase mine = Secrets.passphrase("OMBUDS_PASSPHRASE", "Your passphrase", false)) {
        Optional<String> otp = Optional.ofNullable(System.getenv("OMBUDS_OTP"));
        LoginResult result = office.accounts().login(actor, mine, otp);
        if (!(result instanceof LoginResult.LoggedIn in)) {
          throw new UsageException(
              switch (result) {
                case LoginResult.OtpRequired r ->
                    "Your account needs its one-time code: set OMBUDS_OTP.";
                case LoginResult.Throttled t -> "Too many failed attempts: wait and try again.";
                default -> "Wrong username or passphrase.";
              });
        }
        try (Passphrase theirs =
            Secrets.passphrase(
                "OMBUDS_NEW_PASSPHRASE",
                "Passphrase for "
                    + newUser
                    + " (at least "
                    + PassphrasePolicy.MIN_LENGTH
                    + " characters)",
                true)) {
          // The same rules as the Ombuds whose passphrase unlocked the office (--as): the new
          // account inherits their recusals and, with more than one active Ombuds, waits for a
          // second Ombuds' confirmation before it can log in.
          SecondOmbuds.NewAccount added =
              office
                  .safeguards()
                  .addAccount(office.sessions().use(in.token()).orElseThrow(), newUser, theirs);
          PrintWriter out = spec.commandLine().getOut();
          out.println("Added the Ombuds account '" + added.account().username() + "'.");
          if (!added.account().active()) {
            out.println(
                "It cannot log in until another Ombuds (not you) confirms it on the dashboard"
                    + " (pending change "
                    + added.pending().orElseThrow().id()
                    + ").");
          } else if (added.pending().isPresent()) {
            out.println(
                "It is recused from the cases you are recused from until another Ombuds (neither"
                    + " you nor it) confirms it on the dashboard.");
          }
          spec.commandLine().getOut().flush();
          return 0;
        } catch (AccountException e) {
          throw new UsageException(e.getMessage());
        } finally {
          office.accounts().logout(in.token());
        }
      }
    }
  }

  /** {@code ombuds user list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Lists the Ombuds accounts.")
  static final class ListUsers implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Office office = Office.open(data.dir(), data.dbUrl(), Clock.systemUTC())) {
        for (Account a : office.accounts().accounts()) {
          out.printf(
              "%-24s %s%s%n",
              a.username(),
              a.active() ? "active" : "disabled",
              a.hasTotp() ? ", second factor" : "");
        }
        out.flush();
        return 0;
      }
    }
  }
}
