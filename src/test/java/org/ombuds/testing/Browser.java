package org.ombuds.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * A real, headless Chromium for UI tests: Debian's {@code chromium} (or {@code $OMBUDS_CHROMIUM})
 * driven through Playwright, which never downloads a browser of its own. One per test class; each
 * test opens its own {@link Tab} in a fresh context (no cookies shared between tests).
 *
 * <p>Every tab records the console errors, uncaught page errors and request addresses of its page,
 * so a test can assert that the Content Security Policy caused no refusal and that nothing was
 * loaded from anywhere but the server under test. {@link Tab#assertAccessible()} runs axe-core in
 * the page and fails on any WCAG 2.0/2.1 A/AA or best-practice violation.
 */
public final class Browser implements AutoCloseable {
  /** The axe-core release the accessibility checks run; fetched with npm into target/axe. */
  public static final String AXE_VERSION = "4.11.0";

  static final List<String> ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--no-first-run");

  /** What Chromium logs for an HTTP error answer, as {@link Tab} records it (with its location). */
  private static final Pattern FAILED_LOAD =
      Pattern.compile(
          "Failed to load resource: the server responded with a status of ([0-9]{3}) \\([A-Za-z"
              + " ]*\\) \\(at (.*)\\)");

  private static final List<String> AXE_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

  private final Playwright playwright;
  private final com.microsoft.playwright.Browser chromium;

  private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
    this.playwright = playwright;
    this.chromium = chromium;
  }

  /** The Chromium this harness drives: {@code $OMBUDS_CHROMIUM}, else Debian's. */
  public static Path executable() {
    return Path.of(System.getenv().getOrDefault("OMBUDS_CHROMIUM", "/usr/bin/chromium"));
  }

  /** Starts headless Chromium; fails (never skips) when it is not installed. */
  public static Browser launch() {
    Path exe = executable();
    if (!Files.isExecutable(exe)) {
      throw new AssertionFailedError(
          "No Chromium at "
              + exe
              + ": browser tests need Debian's chromium. Install it with"
              + " 'apt-get update && apt-get install -y chromium' (.ci/run does), or point"
              + " OMBUDS_CHROMIUM at a Chromium executable. Playwright never downloads one.");
    }
    Playwright pw =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    try {
      com.microsoft.playwright.Browser b =
          pw.chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(exe)
                      .setHeadless(true)
                      .setArgs(ARGS)
                      .setTimeout(60_000));
      return new Browser(pw, b);
    } catch (RuntimeException e) {
      pw.close();
      throw e;
    }
  }

  /** What a new tab looks like to the server. */
  public static final class Options {
    private String locale = "en-GB";
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private boolean javaScript = true;

    /** Whether the page may run scripts (false: a browser with JavaScript turned off). */
    public Options javaScript(boolean enabled) {
      javaScript = enabled;
      return this;
    }

    /** The browser's language: sent as Accept-Language and seen as navigator.language. */
    public Options locale(String value) {
      locale = value;
      return this;
    }

    /** A cookie the browser already holds for the server. */
    public Options cookie(String name, String value) {
      cookies.put(name, value);
      return this;
    }
  }

  /** A new page, in a context of its own, for the server at {@code baseUrl}. */
  public Tab open(String baseUrl) {
    return open(baseUrl, new Options());
  }

  /** A new page, in a context of its own, for the server at {@code baseUrl}. */
  public Tab open(String baseUrl, Options options) {
    BrowserContext context =
        chromium.newContext(
            new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL(baseUrl)
                .setLocale(options.locale)
                .setViewportSize(1280, 800)
                .setJavaScriptEnabled(options.javaScript)
                .setServiceWorkers(com.microsoft.playwright.options.ServiceWorkerPolicy.BLOCK));
    context.setDefaultTimeout(15_000);
    if (!options.cookies.isEmpty()) {
      List<com.microsoft.playwright.options.Cookie> list = new ArrayList<>();
      options.cookies.forEach(
          (name, value) ->
              list.add(new com.microsoft.playwright.options.Cookie(name, value).setUrl(baseUrl)));
      context.addCookies(list);
    }
    return new Tab(baseUrl, context);
  }

  @Override
  public void close() {
    try {
      chromium.close();
    } finally {
      playwright.close();
    }
  }

  /** One page of one context, with what it logged and fetched. */
  public static final class Tab implements AutoCloseable {
    private final String origin;
    private final BrowserContext context;
    private final Page page;
    private final List<String> consoleErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    Tab(String baseUrl, BrowserContext context) {
      this.origin = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
      this.context = context;
      // Every request of the context, not only the page's: a service worker or a popup counts too.
      context.onRequest(r -> requests.add(r.url()));
      this.page = context.newPage();
      page.onConsoleMessage(this::console);
      page.onPageError(e -> pageErrors.add(e.toString()));
    }

    private void console(ConsoleMessage m) {
      if ("error".equals(m.type())) {
        consoleErrors.add(m.text() + " (at " + m.location() + ")");
      }
    }

    public Page page() {
      return page;
    }

    public BrowserContext context() {
      return context;
    }

    /** Every address requested so far, in order. */
    public List<String> requests() {
      synchronized (requests) {
        return List.copyOf(requests);
      }
    }

    /** The console errors so far (CSP refusals among them), and forgets them. */
    public List<String> takeConsoleErrors() {
      synchronized (consoleErrors) {
        List<String> copy = List.copyOf(consoleErrors);
        consoleErrors.clear();
        return copy;
      }
    }

    /**
     * Fails if the page logged any console error (a Content Security Policy refusal is one) or
     * threw, or if anything was requested from outside the server under test.
     */
    public void assertClean() {
      assertThat(takeConsoleErrors()).as("console errors (CSP refusals among them)").isEmpty();
      synchronized (pageErrors) {
        assertThat(pageErrors).as("uncaught errors in the page").isEmpty();
      }
      assertThat(requests())
          .as("every request goes to the server under test, %s", origin)
          .isNotEmpty()
          .allSatisfy(url -> assertThat(url).startsWith(origin));
    }

    /**
     * Like {@link #assertClean()}, for a test that provoked answers with one of {@code statuses} (a
     * refused form's 422, an edit conflict's 409, a 404 page): Chromium logs each such answer as
     * "Failed to load resource: the server responded with a status of N (Reason)", and exactly that
     * message, for this server and one of those statuses, is allowed. Any other console error still
     * fails.
     */
    public void assertCleanAllowingStatus(int... statuses) {
      Set<Integer> allowed = new HashSet<>();
      for (int s : statuses) {
        allowed.add(s);
      }
      List<String> errors = takeConsoleErrors();
      assertThat(errors)
          .as("console errors other than the failed loads of %s answers", allowed)
          .allSatisfy(
              e -> {
                Matcher m = FAILED_LOAD.matcher(e);
                assertThat(m.matches()).as("Chromium's failed-load message: %s", e).isTrue();
                assertThat(allowed)
                    .as("an allowed status: %s", e)
                    .contains(Integer.valueOf(m.group(1)));
                assertThat(m.group(2)).as("a load from this server: %s", e).startsWith(origin);
              });
      assertClean();
    }

    /**
     * Runs axe-core in the page as it is now and fails, listing each violation, unless there is
     * none. The script is evaluated through the DevTools protocol, which the page's Content
     * Security Policy does not govern, so the policy stays in force for the page itself.
     */
    public void assertAccessible() {
      // A function body, not a bare script: Playwright takes any string holding "=>" for a
      // function.
      page.evaluate("() => {\n" + axeSource() + "\n}");
      Object result =
          page.evaluate(
              "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                  + " resultTypes: ['violations']}).then(r => ({url: r.url, violations:"
                  + " r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                  + " nodes: v.nodes.map(n => JSON.stringify(n.target) + ' ' +"
                  + " n.failureSummary)}))}))",
              AXE_TAGS);
      @SuppressWarnings("unchecked")
      Map<String, Object> r = (Map<String, Object>) result;
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> violations = (List<Map<String, Object>>) r.get("violations");
      if (!violations.isEmpty()) {
        StringBuilder sb = new StringBuilder();
        sb.append("axe-core ")
            .append(AXE_VERSION)
            .append(" found ")
            .append(violations.size())
            .append(" violation(s) on ")
            .append(r.get("url"))
            .append(':');
        for (Map<String, Object> v : violations) {
          sb.append("\n- ")
              .append(v.get("id"))
              .append(" [")
              .append(v.get("impact"))
              .append("] ")
              .append(v.get("help"));
          @SuppressWarnings("unchecked")
          List<String> nodes = (List<String>) v.get("nodes");
          for (String n : nodes) {
            sb.append("\n    ").append(n.replace("\n", "\n      "));
          }
        }
        throw new AssertionFailedError(sb.toString());
      }
    }

    @Override
    public void close() {
      context.close();
    }
  }

  // ---- axe-core from the npm registry, cached under target/axe ----

  private static String axeSource;

  /** The text of axe.min.js at {@link #AXE_VERSION}; installs it with npm on first use. */
  static synchronized String axeSource() {
    if (axeSource == null) {
      Path prefix = basedir().resolve("target/axe");
      Path pkg = prefix.resolve("node_modules/axe-core");
      if (!AXE_VERSION.equals(installedVersion(pkg))) {
        npmInstall(prefix);
      }
      String installed = installedVersion(pkg);
      if (!AXE_VERSION.equals(installed)) {
        throw new AssertionFailedError(
            "npm did not install axe-core " + AXE_VERSION + " under " + prefix + ": " + installed);
      }
      try {
        axeSource = Files.readString(pkg.resolve("axe.min.js"), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return axeSource;
  }

  private static Path basedir() {
    return Path.of(System.getProperty("ombuds.basedir", System.getProperty("user.dir")));
  }

  private static String installedVersion(Path pkg) {
    Path json = pkg.resolve("package.json");
    if (!Files.isRegularFile(json) || !Files.isRegularFile(pkg.resolve("axe.min.js"))) {
      return null;
    }
    try {
      Matcher m =
          Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"")
              .matcher(Files.readString(json, StandardCharsets.UTF_8));
      return m.find() ? m.group(1) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void npmInstall(Path prefix) {
    List<String> command =
        List.of(
            "npm",
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--no-package-lock",
            "--prefix",
            prefix.toString(),
            "axe-core@" + AXE_VERSION);
    try {
      Files.createDirectories(prefix);
      Path log = prefix.resolve("npm-install.log");
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionFailedError("npm install of axe-core took over 180 s: see " + log);
      }
      if (p.exitValue() != 0) {
        throw new AssertionFailedError(
            "'"
                + String.join(" ", command)
                + "' failed ("
                + p.exitValue()
                + "); axe-core comes from the npm registry, so npm must be installed and reach"
                + " it:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new AssertionFailedError("could not run npm to install axe-core: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionFailedError("interrupted while installing axe-core", e);
    }
  }
}
