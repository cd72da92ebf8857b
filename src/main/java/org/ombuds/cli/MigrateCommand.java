package org.ombuds.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ombuds.app.DataDir;
import org.ombuds.backup.BackupFailure;
import org.ombuds.backup.Migration;
import org.ombuds.store.TableCopier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds migrate}: moves the office to PostgreSQL (or back to SQLite). */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Moves the office's data to another database (jdbc:postgresql://..., or jdbc:sqlite:FILE)",
      "with everything intact, then switches the office to it. Stop the server first. The",
      "password may come from OMBUDS_DB_PASSWORD instead of the URL. Interrupted, run it again:",
      "it finishes without losing or doubling anything. The old SQLite file is kept, renamed."
    })
final class MigrateCommand implements Callable<Integer> {
  static final String PASSWORD_ENV = "OMBUDS_DB_PASSWORD";

  /** Test hook: stop with a failure after this many tables are copied (before the commit). */
  static final String FAIL_AFTER_TABLES = "ombuds.migrate.failAfterTables";

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "The office.")
  Path data;

  @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "The target.")
  String to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String url = withPassword(to, System.getenv(PASSWORD_ENV));
    int failAfter = Integer.getInteger(FAIL_AFTER_TABLES, -1);
    ProgressReport progress = new ProgressReport(spec.commandLine().getErr(), "migrate");
    TableCopier.AfterTable hook =
        (table, done) -> {
          if (done == failAfter) {
            throw new BackupFailure(
                BackupFailure.Kind.FAULT,
                "Stopped after " + done + " tables (" + FAIL_AFTER_TABLES + ").");
          }
        };
    Migration.Moved moved;
    try {
      moved = Migration.migrate(new DataDir(data), url, Clock.systemUTC(), progress, hook);
    } finally {
      progress.finish();
    }
    PrintWriter o = spec.commandLine().getOut();
    o.println(
        (moved.alreadyCopied() ? "The copy was already complete: " : "Copied ")
            + moved.rows()
            + " rows in "
            + moved.tables()
            + " tables; the audit log verifies. The office now uses the new database.");
    moved
        .oldSqliteFile()
        .ifPresent(
            f ->
                o.println(
                    "The old SQLite file is kept as "
                        + f
                        + ": delete it (it holds the same encrypted data) once you are sure."));
    o.flush();
    return 0;
  }

  /** Adds the password from the environment to a PostgreSQL URL that has none. */
  static String withPassword(String url, String password) {
    if (password == null
        || password.isEmpty()
        || !url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:")
        || url.toLowerCase(Locale.ROOT).contains("password=")) {
      return url;
    }
    return url
        + (url.contains("?") ? "&" : "?")
        + "password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
  }
}
