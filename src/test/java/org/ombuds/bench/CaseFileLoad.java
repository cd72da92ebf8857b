package org.ombuds.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ombuds.app.DataDir;
import org.ombuds.app.Office;
import org.ombuds.web.WebServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The "case file" measurement: with the office of {@link CaseFileSeed} (1,000 open cases of 50
 * notes), the latency of the case page, the case list and the search, over HTTP against the real
 * {@link WebServer} on 127.0.0.1 (started in this process on a free port, with the office opened
 * from its directory as {@code ombuds serve} does).
 *
 * <p>One client, one request at a time (HTTP/1.1, kept-alive connection): each figure is the time
 * from sending the request to having read the whole response, as seen by a client on the same
 * machine, so it is the server's time plus the loopback and client overhead; {@code GET /healthz}
 * is measured the same way as that floor. Logged in as a browser does ({@code GET /login}, then
 * {@code POST /login} with the form's CSRF token, for the session cookie of the HTML pages) and as
 * an API client ({@code POST /api/v1/session}, for the bearer token of the JSON API).
 *
 * <p>In order: the first search of a fresh JVM on a freshly opened office (cold: it decrypts every
 * note of every open case, with nothing compiled yet), then the warm-up and measurement of each
 * request kind in turn, then cold searches again with the JIT warm: the office closed and opened
 * again (an empty search cache, as after a restart) before each.
 *
 * <pre>
 * ./mvnw -q -B -o test-compile
 * ./mvnw -q -B -o dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java --enable-native-access=ALL-UNNAMED -cp target/test-classes:target/classes:$(cat cp.txt) \
 *     org.ombuds.bench.CaseFileLoad /var/tmp/ombuds-casefile [FAST_N [SLOW_N [COLD_N]]]
 * </pre>
 *
 * FAST_N (default 300) requests for the case and healthz, SLOW_N (default 100) for the lists and
 * the warm search, COLD_N (default 5) reopenings for the cold search; a tenth as many warm-up
 * requests are sent before each measured series. Prints the median, p90, p99 and max of each with
 * the load average before and after, and the CPU that other processes took meanwhile (in cores: the
 * machine's busy time from {@code /proc/stat} less this process's), since the machine is shared.
 * Stops by itself.
 */
public final class CaseFileLoad {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String SESSION_COOKIE = "ombuds_session";
  private static final String PRE_COOKIE = "ombuds_pre";
  static final String QUERY = CaseFileSeed.RARE_WORD + " " + CaseFileSeed.COMMON_WORD;

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;
  private String cookie = "";
  private String token = "";

  private CaseFileLoad(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** The load average of the machine, as {@code load 1.23 1.10 0.98}. */
  static String loadAvg() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return "load " + f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "load ?";
    }
  }

  /**
   * The load average and CPU times at one moment: the machine's busy time (user, nice, system, irq,
   * softirq, steal) and this process's (user, system), both in the kernel's clock ticks.
   */
  record Mark(String load, long machineTicks, long processTicks, long nanos) {
    /** Clock ticks per second of /proc: USER_HZ, 100 on Linux. */
    private static final double HZ = 100;

    static Mark now() {
      long machine = -1;
      long process = -1;
      try {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        machine = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
          machine += Long.parseLong(cpu[i]);
        }
        String self = Files.readString(Path.of("/proc/self/stat"));
        String[] f = self.substring(self.lastIndexOf(')') + 2).trim().split(" ");
        // Fields 14 and 15 of the file (utime, stime) are 11 and 12 after the command name.
        process = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      } catch (IOException | RuntimeException e) {
        // Not Linux: the figures go without the others' share.
      }
      return new Mark(loadAvg(), machine, process, System.nanoTime());
    }

    /** {@code [load before / load after; others N cores]} from {@code start} to now. */
    String since(Mark start) {
      Mark end = now();
      String others =
          start.machineTicks < 0 || end.machineTicks < 0
              ? "?"
              : String.format(
                  Locale.ROOT,
                  "%.2f",
                  ((end.machineTicks - start.machineTicks)
                          - (end.processTicks - start.processTicks))
                      / HZ
                      / ((end.nanos - start.nanos) / 1e9));
      return "[" + start.load + " / " + end.load + "; others " + others + " cores]";
    }
  }

  /** An office opened from its directory and served on 127.0.0.1, logged in both ways. */
  private record Served(Office office, WebServer server, CaseFileLoad http)
      implements AutoCloseable {
    static Served start(Path dir) {
      Office office = Office.open(new DataDir(dir), Optional.empty(), Clock.systemUTC());
      WebServer server = new WebServer(office, WebServer.Options.plain()).start("127.0.0.1", 0);
      CaseFileLoad http = new CaseFileLoad(server.port());
      http.formLogin();
      http.apiLogin();
      return new Served(office, server, http);
    }

    @Override
    public void close() {
      server.stop();
      office.close();
    }
  }

  public static void main(String[] args) {
    if (args.length < 1 || args.length > 4) {
      System.err.println("usage: CaseFileLoad DIR [FAST_N [SLOW_N [COLD_N]]]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int fast = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int slow = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int cold = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    System.out.printf(
        Locale.ROOT,
        "case file over HTTP, %s, one client, sequential requests; %s%n",
        Runtime.version(),
        loadAvg());

    List<String> ids;
    try (Served s = Served.start(dir)) {
      CaseFileLoad h = s.http();
      Mark before = Mark.now();
      long t0 = System.nanoTime();
      int found = h.search();
      double firstMs = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      h.search();
      double secondMs = (System.nanoTime() - t0) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "search \"%s\" (%d found): first of a fresh JVM (cold cache, cold JIT) %.0f ms, the"
              + " next %.1f ms   %s%n",
          QUERY,
          found,
          firstMs,
          secondMs,
          before.since(before));

      JsonNode list = JSON.readTree(h.get("/api/v1/cases", true).body());
      ids = new ArrayList<>();
      for (JsonNode c : list) {
        ids.add(c.get("id").stringValue());
      }
      System.out.printf(Locale.ROOT, "%d cases listed%n", ids.size());
      List<String> caseIds = ids;
      IntFunction<String> caseAt = i -> caseIds.get(Math.floorMod(i * 7919, caseIds.size()));

      h.series("GET /healthz (floor)", fast, i -> h.get("/healthz", false));
      h.series(
          "GET /api/v1/cases/{id}", fast, i -> h.get("/api/v1/cases/" + caseAt.apply(i), true));
      h.series("GET /cases/{id} (HTML)", fast, i -> h.get("/cases/" + caseAt.apply(i), false));
      h.series("GET /api/v1/cases", slow, i -> h.get("/api/v1/cases", true));
      h.series("GET /cases (HTML)", slow, i -> h.get("/cases", false));
      h.series(
          "POST /api/v1/cases/search (warm)", slow, i -> h.post("/api/v1/cases/search", query()));
    }

    double[] colds = new double[cold];
    Mark before = Mark.now();
    for (int i = 0; i < cold; i++) {
      try (Served s = Served.start(dir)) {
        long t0 = System.nanoTime();
        s.http().search();
        colds[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    if (cold > 0) {
      System.out.println(
          stats(
              "POST /api/v1/cases/search (cold cache, warm JIT, after reopening)",
              colds,
              -1,
              before.since(before)));
    }
  }

  private static String query() {
    return "{\"q\":\"" + QUERY + "\"}";
  }

  private int search() {
    HttpResponse<byte[]> r = post("/api/v1/cases/search", query());
    return JSON.readTree(r.body()).size();
  }

  /** Warms up with a tenth of {@code n} requests, then times {@code n}; prints the figures. */
  private void series(String label, int n, IntFunction<HttpResponse<byte[]>> request) {
    for (int i = 0; i < Math.max(1, n / 10); i++) {
      var unused = request.apply(i);
    }
    Mark before = Mark.now();
    double[] ms = new double[n];
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      HttpResponse<byte[]> r = request.apply(i);
      ms[i] = (System.nanoTime() - t0) / 1e6;
      bytes += r.body().length;
    }
    System.out.println(stats(label, ms, bytes / n, before.since(before)));
  }

  private static String stats(String label, double[] ms, long bytes, String conditions) {
    double[] s = ms.clone();
    Arrays.sort(s);
    return String.format(
        Locale.ROOT,
        "%-40s n=%4d  median %8.2f ms  p90 %8.2f  p99 %8.2f  max %8.2f%s   %s",
        label,
        s.length,
        rank(s, 50),
        rank(s, 90),
        rank(s, 99),
        s[s.length - 1],
        bytes >= 0 ? String.format(Locale.ROOT, "  (%d bytes)", bytes) : "",
        conditions);
  }

  /** Nearest-rank percentile of sorted values. */
  private static double rank(double[] sorted, int percent) {
    int i = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, i) - 1)];
  }

  private HttpResponse<byte[]> get(String path, boolean api) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (api) {
      b.header("Authorization", "Bearer " + token);
    } else if (!cookie.isEmpty()) {
      b.header("Cookie", cookie);
    }
    return send(b, 200);
  }

  private HttpResponse<byte[]> post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        200);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder b, int expected) {
    try {
      HttpResponse<byte[]> r =
          client.send(
              b.timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != expected) {
        throw new IllegalStateException(
            r.request().method() + " " + r.uri().getPath() + " answered " + r.statusCode());
      }
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The login form, then its POST with the CSRF token: keeps the session cookie. */
  private void formLogin() {
    HttpResponse<byte[]> form = get("/login", false);
    String html = new String(form.body(), StandardCharsets.UTF_8);
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("the login form has no CSRF field");
    }
    String pre = setCookie(form, PRE_COOKIE);
    String body =
        "username="
            + enc(BenchSupport.USERNAME)
            + "&passphrase="
            + enc(BenchSupport.PASSPHRASE)
            + "&_csrf="
            + enc(m.group(1));
    HttpResponse<byte[]> r =
        send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", PRE_COOKIE + "=" + pre)
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            303);
    cookie = SESSION_COOKIE + "=" + setCookie(r, SESSION_COOKIE);
  }

  private void apiLogin() {
    String body =
        "{\"username\":\""
            + BenchSupport.USERNAME
            + "\",\"passphrase\":\""
            + BenchSupport.PASSPHRASE
            + "\"}";
    HttpResponse<byte[]> r =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            200);
    token = JSON.readTree(r.body()).get("token").stringValue();
  }

  private static String setCookie(HttpResponse<?> r, String name) {
    for (String h : r.headers().allValues("Set-Cookie")) {
      if (h.startsWith(name + "=")) {
        int end = h.indexOf(';');
        return h.substring(name.length() + 1, end < 0 ? h.length() : end);
      }
    }
    throw new IllegalStateException("no " + name + " cookie");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
