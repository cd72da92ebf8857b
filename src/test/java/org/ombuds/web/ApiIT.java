package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;
import tools.jackson.databind.JsonNode;

/** The JSON API over HTTP against a real server: sessions, errors, headers, cases. */
class ApiIT {
  private static TestOffice office;

  @BeforeAll
  static void start() {
    office = TestOffice.create(Optional.empty(), Clock.systemUTC()).serve();
    // A second Ombuds from the start: accounts added later wait for a colleague's confirmation,
    // which colleague() gives.
    TestOffice.addColleague(loggedIn());
  }

  private static Http colleague() {
    return office.http().login(TestOffice.COLLEAGUE, TestOffice.COLLEAGUE_PASSPHRASE);
  }

  @AfterAll
  static void stop() {
    office.close();
  }

  private static Http loggedIn() {
    return office.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
  }

  @Test
  void healthz_answers_ok_with_strict_security_headers() {
    Http.Response r = office.http().get("/healthz");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("status").stringValue()).isEqualTo("ok");
    String csp = r.header("Content-Security-Policy");
    assertThat(csp)
        .contains("frame-ancestors 'none'")
        .contains("default-src 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(r.header("Server")).isNull();
  }

  @Test
  void security_headers_are_on_errors_too() {
    Http.Response r = office.http().get("/api/v1/nothing-here");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
    assertThat(r.json().get("error").stringValue()).isEqualTo("not_found");
    assertThat(r.json().get("message").stringValue()).isNotBlank();
  }

  @Test
  void login_gives_a_token_that_opens_the_api_and_logout_closes_it() {
    Http http = loggedIn();
    assertThat(http.get("/api/v1/cases").status()).isEqualTo(200);
    assertThat(http.delete("/api/v1/session").status()).isEqualTo(204);
    Http.Response after = http.get("/api/v1/cases");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().get("error").stringValue()).isEqualTo("unauthorized");
  }

  @Test
  void without_a_token_the_api_refuses() {
    Http.Response r = office.http().get("/api/v1/cases");
    assertThat(r.status()).isEqualTo(401);
    assertThat(office.http().withToken("made-up-token").get("/api/v1/cases").status())
        .isEqualTo(401);
  }

  /** A fresh account, so that wrong passphrases tried on it throttle no other test. */
  private static String freshAccount() {
    String name = "acct" + (System.nanoTime() % 10_000_000);
    Http.Response r =
        loggedIn()
            .post(
                "/api/v1/accounts",
                Map.of("username", name, "passphrase", "a long enough passphrase"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    TestOffice.confirm(colleague(), r.json().get("pending").stringValue());
    return name;
  }

  @Test
  void unknown_user_and_wrong_passphrase_get_the_same_answer() {
    String known = freshAccount();
    Http.Response unknown =
        office
            .http()
            .post(
                "/api/v1/session",
                Map.of("username", "nobody-here", "passphrase", "whatever it is 123"));
    Http.Response wrong =
        office
            .http()
            .post("/api/v1/session", Map.of("username", known, "passphrase", "not the passphrase"));
    assertThat(unknown.status()).isEqualTo(401).isEqualTo(wrong.status());
    assertThat(unknown.body()).isEqualTo(wrong.body());
    assertThat(unknown.json().get("error").stringValue()).isEqualTo("invalid_credentials");
  }

  @Test
  void unknown_user_costs_the_same_key_derivation_as_a_wrong_passphrase() {
    String known = freshAccount();
    // Unknown users do the same Argon2id work as a real unwrap: a shortcut for them would answer
    // faster than a known user with a wrong passphrase. Counted, not timed.
    long wrong =
        derivationsOf(
            () ->
                office
                    .http()
                    .post(
                        "/api/v1/session",
                        Map.of(
                            "username",
                            known,
                            "passphrase",
                            "nope nope nope " + System.nanoTime())));
    long unknown =
        derivationsOf(
            () ->
                office
                    .http()
                    .post(
                        "/api/v1/session",
                        Map.of(
                            "username",
                            "ghost-" + System.nanoTime(),
                            "passphrase",
                            "whatever it is 123")));
    long invalidName =
        derivationsOf(
            () ->
                office
                    .http()
                    .post(
                        "/api/v1/session",
                        Map.of(
                            "username",
                            "Not A Valid Name " + System.nanoTime(),
                            "passphrase",
                            "x")));
    assertThat(wrong).as("a known user with a wrong passphrase").isEqualTo(1);
    assertThat(unknown).as("an unknown user").isEqualTo(wrong);
    assertThat(invalidName).as("a name that cannot be a username").isEqualTo(wrong);
  }

  /** The key derivations that {@code r} started (the office runs in this JVM). */
  private static long derivationsOf(Runnable r) {
    long before = org.ombuds.vault.Vault.keyDerivations();
    r.run();
    return org.ombuds.vault.Vault.keyDerivations() - before;
  }

  @Test
  void repeated_failures_are_throttled_even_for_the_right_passphrase() {
    Http http = office.http();
    String name = "throttle-" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      assertThat(
              http.post(
                      "/api/v1/session",
                      Map.of("username", name, "passphrase", "wrong wrong wrong"))
                  .status())
          .isEqualTo(401);
    }
    Http.Response throttled =
        http.post("/api/v1/session", Map.of("username", name, "passphrase", "wrong wrong wrong"));
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.json().get("error").stringValue()).isEqualTo("too_many_attempts");
    assertThat(throttled.header("Retry-After")).isNotNull();
  }

  @Test
  void malformed_requests_get_clean_4xx_in_the_error_shape() {
    Http http = office.http();
    assertError(
        http.postRaw("/api/v1/session", "application/json", "{not json"), 400, "invalid_json");
    assertError(http.postRaw("/api/v1/session", "application/json", "[1,2]"), 400, "invalid_json");
    assertError(http.postRaw("/api/v1/session", "text/plain", "{}"), 415, "unsupported_media_type");
    assertError(
        http.postRaw("/api/v1/session", "application/json", "{\"username\":\"x\"}"),
        400,
        "invalid_request");
    assertError(
        http.postRaw(
            "/api/v1/session", "application/json", "{\"username\":5,\"passphrase\":\"p\"}"),
        400,
        "invalid_request");
    String huge = "{\"username\":\"" + "a".repeat((int) WebServer.MAX_REQUEST_BYTES + 10) + "\"}";
    assertError(http.postRaw("/api/v1/session", "application/json", huge), 413, "too_large");
    assertError(http.delete("/api/v1/cases"), 404, null);
  }

  private static void assertError(Http.Response r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode json = r.json();
    if (code != null) {
      assertThat(json.get("error").stringValue()).isEqualTo(code);
    }
    assertThat(json.get("message").stringValue()).isNotBlank();
    assertThat(r.body())
        .doesNotContain("Exception")
        .doesNotContain("at org.")
        .doesNotContain("at io.");
  }

  @Test
  void cases_round_trip_over_http() {
    Http http = loggedIn();
    Http.Response created =
        http.post(
            "/api/v1/cases",
            Map.of(
                "title",
                "Concerns about a supervisor",
                "categories",
                List.of("2b", "6a"),
                "workUnit",
                Map.of("name", "Operations", "size", 8)));
    assertThat(created.status()).isEqualTo(201);
    String id = created.json().get("id").stringValue();
    assertThat(
            http.post(
                    "/api/v1/cases/" + id + "/notes",
                    Map.of("text", "She insisted on confidentiality."))
                .status())
        .isEqualTo(201);
    JsonNode c = http.get("/api/v1/cases/" + id).json();
    assertThat(c.get("title").stringValue()).isEqualTo("Concerns about a supervisor");
    assertThat(c.get("workUnit").get("size").intValue()).isEqualTo(8);
    assertThat(c.get("categories").get(1).get("label").stringValue()).contains("Safety");
    assertThat(c.get("notes").get(0).get("text").stringValue())
        .isEqualTo("She insisted on confidentiality.");
    assertThat(http.get("/api/v1/cases").json().size()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void unknown_categories_are_refused_with_the_valid_list() {
    Http.Response r =
        loggedIn()
            .post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "t",
                    "categories",
                    List.of("99z"),
                    "workUnit",
                    Map.of("name", "U", "size", 3)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").stringValue()).contains("99z").contains("2b").contains("6a");
  }

  @Test
  void unknown_case_is_not_found_and_leaks_nothing() {
    Http http = loggedIn();
    assertError(http.get("/api/v1/cases/00000000-0000-4000-8000-000000000000"), 404, "not_found");
    assertError(http.get("/api/v1/cases/not-an-id"), 404, "not_found");
  }

  @Test
  void over_long_note_gets_a_clear_limit_message() {
    Http http = loggedIn();
    String id =
        http.post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "t",
                    "categories",
                    List.of(),
                    "workUnit",
                    Map.of("name", "U", "size", 3)))
            .json()
            .get("id")
            .stringValue();
    Http.Response r =
        http.post("/api/v1/cases/" + id + "/notes", Map.of("text", "x".repeat(20_001)));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("message").stringValue()).contains("20000");
  }

  @Test
  void a_second_ombuds_added_by_the_first_can_read_the_same_cases() {
    Http first = loggedIn();
    String id =
        first
            .post(
                "/api/v1/cases",
                Map.of(
                    "title",
                    "Shared case",
                    "categories",
                    List.of(),
                    "workUnit",
                    Map.of("name", "U", "size", 3)))
            .json()
            .get("id")
            .stringValue();
    String name = "second" + (System.nanoTime() % 100000);
    Http.Response added =
        first.post(
            "/api/v1/accounts", Map.of("username", name, "passphrase", "another long passphrase"));
    assertThat(added.status()).isEqualTo(201);
    assertThat(
            first
                .post(
                    "/api/v1/accounts",
                    Map.of("username", name, "passphrase", "another long passphrase"))
                .status())
        .isEqualTo(409);
    assertThat(
            first
                .post("/api/v1/accounts", Map.of("username", "weak" + name, "passphrase", "short"))
                .status())
        .isEqualTo(400);
    TestOffice.confirm(colleague(), added.json().get("pending").stringValue());
    Http second = office.http().login(name, "another long passphrase");
    assertThat(second.get("/api/v1/cases/" + id).json().get("title").stringValue())
        .isEqualTo("Shared case");
  }

  @Test
  void openapi_document_is_served_and_documents_every_api_route() {
    Http.Response r = office.http().get("/api/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.get("openapi").stringValue()).startsWith("3.1");
    for (Route route : office.server().routes()) {
      if (!route.path().startsWith("/api/v1") && !route.path().startsWith("/portal")) {
        continue;
      }
      if (route.path().startsWith("/portal") && PortalPages.isPage(route.path())) {
        continue; // the portal's HTML pages, not its JSON API
      }
      // The visitor's JSON keeps its full path (documented with a path-level server "/").
      String path =
          route.path().startsWith("/portal")
              ? route.path()
              : route.path().substring("/api/v1".length());
      JsonNode item = doc.get("paths").get(path);
      assertThat(item).as("documented path %s", path).isNotNull();
      assertThat(item.get(route.method().name().toLowerCase(java.util.Locale.ROOT)))
          .as("documented %s %s", route.method(), path)
          .isNotNull();
    }
  }
}
