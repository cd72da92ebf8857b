package org.ombuds.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.ombuds.app.Office;
import org.ombuds.audit.IntegrityCheck;
import org.ombuds.audit.Verification;
import org.ombuds.common.TamperedRowException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ombuds audit}: checks the audit log. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    description = "Works with the office's tamper-evident audit log.",
    subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ombuds audit verify}. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = {
        "Checks every entry of the audit log: order, links, content hashes, MACs and the head",
        "kept outside the database. Exit 0 when intact; 3 when tampered, naming the first bad entry."
      })
  static final class Verify implements Callable<Integer> {
    @Mixin DataDirOption data;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Office office = Office.open(data.dir(), data.dbUrl(), Clock.systemUTC())) {
        return report(office, out);
      } catch (TamperedRowException e) {
        // A row that opening the office reads (the first open of an older office tags them).
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Authenticated rows TAMPERED: " + e.getMessage());
        err.flush();
        return Main.TAMPERED;
      }
    }

    private int report(Office office, PrintWriter out) {
      IntegrityCheck.Report report = IntegrityCheck.verifyAll(office.integrityChecks());
      for (IntegrityCheck.Outcome o : report.outcomes()) {
        switch (o.result()) {
          case Verification.Intact ok ->
              out.println(
                  capitalized(o.what()) + " intact: " + ok.entries() + " entries verified.");
          case Verification.Tampered bad -> {
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                capitalized(o.what())
                    + " TAMPERED: first bad entry is #"
                    + bad.firstBadSeq()
                    + ": "
                    + bad.reason());
            err.flush();
            return Main.TAMPERED;
          }
          case Verification.TamperedRow bad -> {
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println(
                capitalized(o.what())
                    + " TAMPERED: first bad row is the "
                    + bad.table()
                    + " row "
                    + bad.key()
                    + ": "
                    + bad.reason()
                    + ".");
            err.flush();
            return Main.TAMPERED;
          }
        }
      }
      out.flush();
      return 0;
    }

    private static String capitalized(String s) {
      return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
