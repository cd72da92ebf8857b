package org.ombuds.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.ombuds.account.Username;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.vault.Passphrase;
import org.ombuds.vault.PortalVault;
import org.ombuds.web.WebServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's deliberately slow receipt check, and what hammering it with wrong receipts does to
 * the Ombuds' pages.
 *
 * <p>A new office in a scratch directory, served in this process on 127.0.0.1; an Ombuds logged in
 * over the API (the same token serves as the page cookie); one case with 20 notes; one visitor
 * thread. Then, one client, one request at a time on a kept-alive connection:
 *
 * <ol>
 *   <li>quiet: {@code SESSIONS} portal session openings with the right receipt (each one Argon2id
 *       run), then {@code N} each of {@code GET /api/v1/cases/{id}} and {@code GET /dashboard};
 *   <li>hammered: {@code HAMMERS} other clients post wrong (well-typed) receipts to {@code POST
 *       /portal/session} as fast as they can, while the same {@code N} Ombuds requests are timed,
 *       and a right receipt is tried once a second;
 *   <li>after: the hammers stop; how long until the right receipt opens a session again.
 * </ol>
 *
 * Prints median, p90, p99 and max of each series, the hammers' answers by status, and the load.
 *
 * <pre>
 * scripts/bench-portal.sh [N [HAMMERS [SESSIONS]]]     (defaults 400, 4, 10)
 * </pre>
 */
public final class PortalLoad {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PASSPHRASE = "bench passphrase 123";

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  private PortalLoad(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return client.send(
          b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(String path, Object body, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  private String field(HttpResponse<String> r, String name) {
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("setup failed: " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body()).get(name).stringValue();
  }

  private long timeGet(String path, String token, boolean cookie) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    b.header(
        cookie ? "Cookie" : "Authorization",
        cookie ? "ombuds_session=" + token : "Bearer " + token);
    long t0 = System.nanoTime();
    HttpResponse<String> r = send(b);
    long t = System.nanoTime() - t0;
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode());
    }
    return t;
  }

  static String summary(String what, List<Long> nanos) {
    List<Long> s = new ArrayList<>(nanos);
    Collections.sort(s);
    return String.format(
        Locale.ROOT,
        "%-34s n=%4d  p50 %8.2f ms  p90 %8.2f ms  p99 %8.2f ms  max %8.2f ms",
        what,
        s.size(),
        s.get(s.size() / 2) / 1e6,
        s.get((int) (s.size() * 0.9)) / 1e6,
        s.get(Math.min(s.size() - 1, (int) Math.ceil(s.size() * 0.99) - 1)) / 1e6,
        s.get(s.size() - 1) / 1e6);
  }

  private void ombudsSeries(String label, String token, String caseId, int n) {
    List<Long> caseTimes = new ArrayList<>();
    List<Long> dashTimes = new ArrayList<>();
    for (int i = 0; i < n / 10; i++) {
      timeGet("/api/v1/cases/" + caseId, token, false);
      timeGet("/dashboard", token, true);
    }
    CaseFileLoad.Mark m = CaseFileLoad.Mark.now();
    for (int i = 0; i < n; i++) {
      caseTimes.add(timeGet("/api/v1/cases/" + caseId, token, false));
      dashTimes.add(timeGet("/dashboard", token, true));
    }
    String load = m.since(m);
    System.out.println(summary(label + " GET /api/v1/cases/{id}", caseTimes));
    System.out.println(summary(label + " GET /dashboard", dashTimes));
    System.out.println("  " + load);
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int hammers = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int sessions = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path dir = Files.createTempDirectory("bench-portal-");
    Office office;
    try (Passphrase p = Passphrase.of(PASSPHRASE)) {
      office =
          Office.init(
                  new DataDir(dir), Optional.empty(), new Username("bench"), p, Clock.systemUTC())
              .office();
    }
    WebServer server = new WebServer(office, WebServer.Options.plain()).start("127.0.0.1", 0);
    try {
      PortalLoad http = new PortalLoad(server.port());
      String token =
          http.field(
              http.post(
                  "/api/v1/session", Map.of("username", "bench", "passphrase", PASSPHRASE), null),
              "token");
      String caseId =
          http.field(
              http.post(
                  "/api/v1/cases",
                  Map.of(
                      "title", "Bench case",
                      "categories", List.of("1a"),
                      "workUnit", Map.of("name", "Unit", "size", 20)),
                  token),
              "id");
      for (int i = 0; i < 20; i++) {
        http.post(
            "/api/v1/cases/" + caseId + "/notes",
            Map.of("text", "A note of some length. ".repeat(12) + i),
            token);
      }
      String receipt =
          http.field(http.post("/portal/contact", Map.of("message", "Hello"), null), "receipt");
      System.out.println(
          "portal session opening (Argon2id "
              + PortalVault.RECEIPT_KDF
              + "), "
              + Runtime.getRuntime().availableProcessors()
              + " cores, "
              + CaseFileLoad.loadAvg());

      List<Long> opens = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        long t0 = System.nanoTime();
        http.field(http.post("/portal/session", Map.of("receipt", receipt), null), "token");
        opens.add(System.nanoTime() - t0);
      }
      System.out.println(summary("quiet POST /portal/session (right)", opens));
      http.ombudsSeries("quiet", token, caseId, n);

      AtomicBoolean stop = new AtomicBoolean();
      Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
      PortalVault vault = new PortalVault();
      List<Thread> threads = new ArrayList<>();
      for (int h = 0; h < hammers; h++) {
        PortalLoad own = new PortalLoad(server.port());
        Thread t =
            Thread.ofPlatform()
                .daemon()
                .start(
                    () -> {
                      while (!stop.get()) {
                        int s =
                            own.post(
                                    "/portal/session",
                                    Map.of("receipt", vault.newReceipt().reveal()),
                                    null)
                                .statusCode();
                        statuses.computeIfAbsent(s, k -> new LongAdder()).increment();
                      }
                    });
        threads.add(t);
      }
      Thread.sleep(1000);
      long hammerStart = System.nanoTime();
      http.ombudsSeries("hammered", token, caseId, n);
      int rightDuring = http.post("/portal/session", Map.of("receipt", receipt), null).statusCode();
      double seconds = (System.nanoTime() - hammerStart) / 1e9;
      stop.set(true);
      for (Thread t : threads) {
        t.join();
      }
      System.out.printf(
          Locale.ROOT,
          "hammers: %d clients, answers by status %s over %.1f s; the right receipt during the flood: %d%n",
          hammers,
          statuses,
          seconds,
          rightDuring);
      long t0 = System.nanoTime();
      int status;
      do {
        Thread.sleep(250);
        status = http.post("/portal/session", Map.of("receipt", receipt), null).statusCode();
      } while (status != 200);
      System.out.printf(
          Locale.ROOT,
          "after the flood: the right receipt opens again after %.1f s%n",
          (System.nanoTime() - t0) / 1e9);
    } finally {
      server.stop();
      office.close();
      org.ombuds.testing.Files2.deleteTree(dir);
    }
  }
}
