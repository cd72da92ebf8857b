package org.ombuds.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import org.slf4j.LoggerFactory;

/**
 * What a visitor leaves behind: their words never in clear in the data directory, and neither their
 * address nor their browser's user agent anywhere in a log or data file.
 */
class PortalPrivacyIT {
  private static final String AGENT = "Mozilla/5.0 (DistinctiveAgent-7f3a9c) ScanMe/9.9";
  private static final String ADDRESS = "203.0.113.177";

  /** The address the visitor's connections really come from (all of 127/8 is this machine). */
  private static final String REMOTE = "127.0.0.77";

  private static final List<String> WORDS =
      List.of(
          "Quetzalcoatl harassed me near the photocopier",
          "Zebulon Fairweather-Quince",
          "zebulon.quince@example.org",
          "Our reply about the photocopier incident",
          "They cut my overtime after my visit to you",
          "Remind the floor about photocopier etiquette please");

  @Test
  void the_visitors_words_are_never_in_clear_in_the_data_dir() throws IOException {
    try (TestOffice t = TestOffice.create().serve()) {
      Http anyone = t.http();
      String receipt =
          anyone
              .post(
                  "/portal/contact",
                  Map.of("message", WORDS.get(0), "name", WORDS.get(1), "reachAt", WORDS.get(2)))
              .json()
              .get("receipt")
              .stringValue();
      Http ombuds = t.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
      String thread = ombuds.get("/api/v1/portal/threads").json().get(0).get("id").stringValue();
      ombuds.post("/api/v1/portal/threads/" + thread + "/replies", Map.of("text", WORDS.get(3)));
      String caseId =
          ombuds
              .post(
                  "/api/v1/cases",
                  Map.of(
                      "title", "Scan",
                      "categories", List.of("1a"),
                      "workUnit", Map.of("name", "Floor", "size", 30)))
              .json()
              .get("id")
              .stringValue();
      String person =
          ombuds
              .post("/api/v1/cases/" + caseId + "/persons", Map.of("role", "VISITOR", "name", "V"))
              .json()
              .get("id")
              .stringValue();
      ombuds.post(
          "/api/v1/portal/threads/" + thread + "/link",
          Map.of("caseId", caseId, "personId", person));
      String d =
          ombuds
              .post(
                  "/api/v1/cases/" + caseId + "/disclosures",
                  Map.of(
                      "recipient", "Floor manager",
                      "identity", "ANONYMOUS",
                      "channel", "meeting",
                      "text", WORDS.get(5)))
              .json()
              .get("id")
              .stringValue();
      ombuds.post("/api/v1/cases/" + caseId + "/disclosures/" + d + "/portal-consent", Map.of());
      String token =
          anyone
              .post("/portal/session", Map.of("receipt", receipt))
              .json()
              .get("token")
              .stringValue();
      Http visitor = t.http().withToken(token);
      visitor.post("/portal/retaliation", Map.of("text", WORDS.get(4)));
      assertThat(visitor.get("/portal/thread").body()).contains(WORDS.get(3), WORDS.get(5));

      List<String> secrets = new ArrayList<>(WORDS);
      secrets.add(receipt);
      secrets.add(receipt.replace("-", ""));
      secrets.add(token);
      DataDirScanIT.assertNoneInClear(t.dir, secrets);
    }
  }

  private static HttpRequest.Builder tagged(String base, String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("User-Agent", AGENT)
        .header("X-Forwarded-For", ADDRESS)
        .header("X-Real-IP", ADDRESS)
        .header("Forwarded", "for=" + ADDRESS + ";proto=https");
  }

  private static HttpRequest.Builder json(String base, String path, String body) {
    return tagged(base, path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static ListAppender<ILoggingEvent> capture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(context);
    appender.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    return appender;
  }

  private static void release(ListAppender<ILoggingEvent> appender) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
  }

  private static List<String> found(TestOffice t, ListAppender<ILoggingEvent> logs) {
    List<String> found =
        new ArrayList<>(DataDirScanIT.findingsFor(t.dir, List.of(AGENT, ADDRESS, REMOTE)));
    for (ILoggingEvent e : List.copyOf(logs.list)) {
      String line =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage());
      if (line.contains(AGENT)
          || line.contains(ADDRESS)
          || line.contains(REMOTE)
          || line.contains("DistinctiveAgent")) {
        found.add("log: " + e.getLoggerName());
      }
    }
    return found;
  }

  @Test
  void neither_the_visitors_address_nor_their_user_agent_is_logged_or_stored() throws IOException {
    ListAppender<ILoggingEvent> logs = capture();
    try (TestOffice t = TestOffice.create().serve()) {
      Http http = new Http(t.http().base(), InetAddress.getByName(REMOTE));
      String base = http.base();
      Http.Response contact =
          http.send(json(base, "/portal/contact", "{\"message\":\"hello\",\"name\":\"A\"}"));
      assertThat(contact.status()).isEqualTo(201);
      String receipt = contact.json().get("receipt").stringValue();
      Http.Response session =
          http.send(json(base, "/portal/session", "{\"receipt\":\"" + receipt + "\"}"));
      String token = session.json().get("token").stringValue();
      http.send(tagged(base, "/portal/thread").header("Authorization", "Bearer " + token).GET());
      http.send(
          json(base, "/portal/messages", "{\"text\":\"more\"}")
              .header("Authorization", "Bearer " + token));
      http.send(
          json(base, "/portal/retaliation", "{\"text\":\"again\"}")
              .header("Authorization", "Bearer " + token));
      // Refusals and faults too: a wrong receipt, bad JSON, an unknown address, a bad token.
      http.send(json(base, "/portal/session", "{\"receipt\":\"0000-0000-0000-0000-00000\"}"));
      http.send(json(base, "/portal/contact", "{"));
      http.send(tagged(base, "/portal/nothing-here").GET());
      http.send(tagged(base, "/portal/thread").header("Authorization", "Bearer nope").GET());
      // The pages, as a browser would use them.
      Http.Response home = http.send(tagged(base, "/portal").GET());
      assertThat(home.status()).isEqualTo(200);
      http.send(
          tagged(base, "/portal/write")
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString("message=hi&_csrf=forged")));
      assertThat(found(t, logs)).isEmpty();
    } finally {
      release(logs);
    }
  }

  @Test
  void the_scan_finds_the_address_and_the_agent_where_they_are() throws IOException {
    // The negative control: the same scan sees both when something does write them.
    ListAppender<ILoggingEvent> logs = capture();
    try (TestOffice t = TestOffice.create()) {
      LoggerFactory.getLogger("org.ombuds.scan").warn("request from {}", ADDRESS);
      Files.writeString(t.dir.resolve("access.log"), "GET / " + AGENT);
      List<String> f = found(t, logs);
      assertThat(f).anyMatch(s -> s.startsWith("log:"));
      assertThat(f).anyMatch(s -> !s.startsWith("log:"));
      // And the real remote address, as a server that kept it would write it.
      Files.writeString(t.dir.resolve("access.log"), REMOTE + " GET /portal");
      assertThat(found(t, logs)).anyMatch(s -> !s.startsWith("log:"));
    } finally {
      release(logs);
    }
  }
}
