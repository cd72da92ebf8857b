package org.ombuds.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ombuds.app.Office;
import org.ombuds.app.ServerLock;
import org.ombuds.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ombuds serve}: serves the web app and API of an existing office. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the office's web app and API until stopped.",
      "The office stays locked (its content unreadable) until an Ombuds logs in."
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin DataDirOption data;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description =
          "Address to listen on (default ${DEFAULT-VALUE}; put a TLS proxy in front for others).")
  String host;

  @Option(
      names = "--behind-tls",
      description =
          "Set when a TLS proxy serves this to browsers: cookies get Secure, HSTS is sent.")
  boolean behindTls;

  @Spec CommandSpec spec;

  @SuppressWarnings({"unused", "UnusedVariable"}) // kept reachable so the lock is never collected
  private static java.util.Optional<ServerLock> heldLock;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be between 0 and 65535.");
    }
    // Taken first and held until the process ends: a second server on this directory, or an
    // 'ombuds migrate' beside this one, is refused.
    if (java.nio.file.Files.isDirectory(data.dir().root())) {
      heldLock = ServerLock.tryAcquire(data.dir());
      if (heldLock.isEmpty()) {
        throw new UsageException(
            data.dir().root()
                + " is in use by another ombuds process (a server, or init or migrate): stop it"
                + " first, or serve another --data directory.");
      }
      data.dir().removeLeftovers();
    }
    Office office = Office.open(data.dir(), data.dbUrl(), Clock.systemUTC());
    String upgraded =
        office.rowsTaggedNow() == 0
            ? ""
            : "This office was made by an earlier release: its "
                + office.rowsTaggedNow()
                + " rows (accounts, cases, disclosures, consents, portal records, changes waiting for"
                + " a second Ombuds) now carry authentication tags (under the audit key file), so that an edit made in the"
                + " database behind ombuds' back is refused and reported by 'ombuds audit verify'.";
    serve(
        office,
        host,
        port,
        new WebServer.Options(behindTls),
        spec.commandLine().getOut(),
        upgraded);
    return 0;
  }

  /** Serves {@code office} until the process is stopped. */
  static void serve(
      Office office,
      String host,
      int port,
      WebServer.Options options,
      PrintWriter out,
      String extra)
      throws InterruptedException {
    WebServer server;
    try {
      server = new WebServer(office, options).start(host, port);
    } catch (RuntimeException e) {
      office.close();
      throw new UsageException(
          "Cannot listen on "
              + host
              + ":"
              + port
              + " ("
              + e.getClass().getSimpleName()
              + "): is the port taken? Choose another with --port.");
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  office.close();
                  stopped.countDown();
                },
                "ombuds-shutdown"));
    out.println("Ombuds is serving on http://" + host + ":" + server.port() + "/");
    if (!extra.isEmpty()) {
      out.println(extra);
    }
    out.println("Stop it with Ctrl+C.");
    out.flush();
    stopped.await();
  }
}
