package org.ombuds.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ombuds}: the office's command line. */
@Command(
    name = "ombuds",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Confidential case management for an organizational Ombuds office.",
    subcommands = {
      InitCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      AuditCommand.class,
      UserCommand.class,
      RecoverCommand.class,
      PurgeCommand.class,
      BackupKeyCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      MigrateCommand.class
    })
public final class Main implements Runnable {
  /** Exit code for a fault of the machine or environment. */
  static final int FAULT = 1;

  /** Exit code for a mistake in what was asked. */
  static final int BAD_INPUT = 2;

  /** Exit code for a tampered audit log. */
  static final int TAMPERED = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and returns its exit code. */
  public static int execute(String... args) {
    return execute(null, null, args);
  }

  /**
   * Runs the command line with its output and error output going to {@code out} and {@code err}
   * (the process's when null) and returns its exit code.
   */
  public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    if (out != null) {
      cl.setOut(out);
    }
    if (err != null) {
      cl.setErr(err);
    }
    cl.setExecutionExceptionHandler(new Failures());
    cl.setParameterExceptionHandler(
        (ex, argv) -> {
          ex.getCommandLine().getErr().println("ombuds: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Try 'ombuds --help'.");
          return BAD_INPUT;
        });
    return cl.execute(args);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"ombuds " + (v == null ? "development" : v)};
    }
  }
}
