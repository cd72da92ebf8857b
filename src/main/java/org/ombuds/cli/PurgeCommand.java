package org.ombuds.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import org.ombuds.app.Office;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ombuds purge}: destroys now the closed cases whose grace period has ended. */
@Command(
    name = "purge",
    mixinStandardHelpOptions = true,
    description = {
      "Destroys now the content of every closed case whose grace period has ended (the server",
      "also does it hourly). Needs no passphrase: destroying needs no key."
    })
final class PurgeCommand implements Callable<Integer> {
  @Mixin DataDirOption data;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Office office = Office.open(data.dir(), data.dbUrl(), Clock.systemUTC())) {
      int n = office.cases().destroyDue();
      spec.commandLine().getOut().println("Destroyed the content of " + n + " closed case(s).");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
