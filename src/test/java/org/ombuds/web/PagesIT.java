package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ombuds.testing.Http;
import org.ombuds.testing.TestOffice;

/** The HTML pages over HTTP: login with CSRF, cookies, escaping, logout. */
class PagesIT {
  private static TestOffice office;

  @BeforeAll
  static void start() {
    office = TestOffice.create().serve();
  }

  @AfterAll
  static void stop() {
    office.close();
  }

  private static String hiddenCsrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("form has a CSRF field").isTrue();
    return m.group(1);
  }

  /** Logs in through the form; returns the session cookie. */
  private static String formLogin(Http http) {
    Http.Response form = http.get("/login");
    String pre = form.cookie(Auth.PRE_COOKIE);
    Http.Response r =
        http.postForm(
            "/login",
            Map.of(
                "username",
                TestOffice.USERNAME,
                "passphrase",
                TestOffice.PASSPHRASE,
                "_csrf",
                hiddenCsrf(form.body())),
            Auth.PRE_COOKIE + "=" + pre);
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.header("Location")).isEqualTo("/dashboard");
    return Auth.SESSION_COOKIE + "=" + r.cookie(Auth.SESSION_COOKIE);
  }

  @Test
  void a_form_that_a_browser_says_comes_from_another_site_is_refused_before_anything_happens() {
    Http http = office.http();
    String receipt =
        http.post("/portal/contact", Map.of("message", "hello"))
            .json()
            .get("receipt")
            .stringValue();
    for (String site : List.of("cross-site", "same-site")) {
      String nonce = hiddenCsrf(http.get("/portal/return").body());
      Http.Response refused =
          http.postForm(
              "/portal/return",
              Map.of("receipt", receipt, "_csrf", nonce),
              "",
              Map.of("Sec-Fetch-Site", site));
      assertThat(refused.status()).as(site).isEqualTo(403);
      assertThat(refused.header("Content-Type"))
          .as("the page's error, in words")
          .startsWith("text/html");
      assertThat(refused.setCookie(Auth.PORTAL_COOKIE)).as("no session opened").isNull();
    }
    // The same form from the portal's own page (or from a client that is not a browser) works.
    for (Map<String, String> headers :
        List.of(Map.of("Sec-Fetch-Site", "same-origin"), Map.<String, String>of())) {
      String nonce = hiddenCsrf(http.get("/portal/return").body());
      Http.Response ok =
          http.postForm("/portal/return", Map.of("receipt", receipt, "_csrf", nonce), "", headers);
      assertThat(ok.status()).as(ok.body()).isEqualTo(303);
      assertThat(ok.setCookie(Auth.PORTAL_COOKIE)).isNotNull();
    }
    // The Ombuds' forms too: logging out from another site is refused.
    String cookie = formLogin(http);
    Http.Response dash = http.getWithCookies("/dashboard", cookie);
    Http.Response out =
        http.postForm(
            "/logout",
            Map.of("_csrf", hiddenCsrf(dash.body())),
            cookie,
            Map.of("Sec-Fetch-Site", "cross-site"));
    assertThat(out.status()).isEqualTo(403);
    assertThat(http.getWithCookies("/dashboard", cookie).status()).isEqualTo(200);
  }

  @Test
  void login_page_has_a_csrf_field_and_a_strict_cookie() {
    Http.Response r = office.http().get("/login");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    hiddenCsrf(r.body());
    assertThat(r.setCookie(Auth.PRE_COOKIE))
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict");
    assertThat(r.body())
        .doesNotContain("<script>")
        .doesNotContain("style=")
        .doesNotContain("http://")
        .doesNotContain("https://");
  }

  @Test
  void login_form_without_its_token_is_refused() {
    Http http = office.http();
    Http.Response form = http.get("/login");
    String pre = form.cookie(Auth.PRE_COOKIE);
    Map<String, String> fields =
        Map.of("username", TestOffice.USERNAME, "passphrase", TestOffice.PASSPHRASE);
    assertThat(http.postForm("/login", fields, Auth.PRE_COOKIE + "=" + pre).status())
        .isEqualTo(403);
    assertThat(
            http.postForm(
                    "/login",
                    Map.of(
                        "username",
                        TestOffice.USERNAME,
                        "passphrase",
                        TestOffice.PASSPHRASE,
                        "_csrf",
                        "forged"),
                    Auth.PRE_COOKIE + "=" + pre)
                .status())
        .isEqualTo(403);
    assertThat(
            http.postForm(
                    "/login",
                    Map.of(
                        "username",
                        TestOffice.USERNAME,
                        "passphrase",
                        TestOffice.PASSPHRASE,
                        "_csrf",
                        pre),
                    "")
                .status())
        .isEqualTo(403);
  }

  @Test
  void form_login_sets_an_httponly_strict_session_cookie_and_opens_the_dashboard() {
    Http http = office.http();
    Http.Response form = http.get("/login");
    Http.Response r =
        http.postForm(
            "/login",
            Map.of(
                "username",
                TestOffice.USERNAME,
                "passphrase",
                TestOffice.PASSPHRASE,
                "_csrf",
                hiddenCsrf(form.body())),
            Auth.PRE_COOKIE + "=" + form.cookie(Auth.PRE_COOKIE));
    assertThat(r.setCookie(Auth.SESSION_COOKIE))
        .contains("HttpOnly")
        .containsIgnoringCase("SameSite=Strict")
        .contains("Path=/");
    String cookie = Auth.SESSION_COOKIE + "=" + r.cookie(Auth.SESSION_COOKIE);
    Http.Response dash = http.getWithCookies("/dashboard", cookie);
    assertThat(dash.status()).isEqualTo(200);
    assertThat(dash.body()).contains("Open cases");
  }

  @Test
  void wrong_passphrase_on_the_form_says_so_without_saying_which_part_was_wrong() {
    Http http = office.http();
    Http.Response form = http.get("/login");
    Http.Response r =
        http.postForm(
            "/login",
            Map.of(
                "username",
                "someone-else",
                "passphrase",
                "wrong passphrase",
                "_csrf",
                hiddenCsrf(form.body())),
            Auth.PRE_COOKIE + "=" + form.cookie(Auth.PRE_COOKIE));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("Wrong username or passphrase.");
    assertThat(r.cookie(Auth.SESSION_COOKIE)).isNull();
  }

  @Test
  void dashboard_without_a_session_goes_to_login() {
    Http.Response r = office.http().get("/dashboard");
    assertThat(r.status()).isEqualTo(303);
    assertThat(r.header("Location")).isEqualTo("/login");
  }

  @Test
  void case_content_is_escaped_in_pages() {
    Http api = office.http().login(TestOffice.USERNAME, TestOffice.PASSPHRASE);
    api.post(
        "/api/v1/cases",
        Map.of(
            "title",
            "<script>alert('x')</script>",
            "categories",
            List.of(),
            "workUnit",
            Map.of("name", "<b>Unit</b>", "size", 4)));
    Http http = office.http();
    Http.Response dash = http.getWithCookies("/dashboard", formLogin(http));
    assertThat(dash.body())
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;")
        .doesNotContain("<b>Unit</b>");
  }

  @Test
  void logout_needs_the_form_token_and_then_ends_the_session() {
    Http http = office.http();
    String cookie = formLogin(http);
    Http.Response dash = http.getWithCookies("/dashboard", cookie);
    assertThat(http.postForm("/logout", Map.of(), cookie).status()).isEqualTo(403);
    assertThat(http.getWithCookies("/dashboard", cookie).status()).isEqualTo(200);
    Http.Response out = http.postForm("/logout", Map.of("_csrf", hiddenCsrf(dash.body())), cookie);
    assertThat(out.status()).isEqualTo(303);
    assertThat(http.getWithCookies("/dashboard", cookie).status()).isEqualTo(303);
  }

  @Test
  void unknown_pages_get_an_html_error_page_without_detail() {
    Http.Response r = office.http().get("/no/such/page");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("Content-Type")).startsWith("text/html");
    assertThat(r.body()).contains("There is nothing at this address.").doesNotContain("Exception");
  }

  @Test
  void french_speakers_get_french_pages() {
    Http.Response r =
        office
            .http()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(office.http().base() + "/login"))
                    .header("Accept-Language", "fr-CH, fr;q=0.9, en;q=0.5")
                    .GET());
    assertThat(r.body()).contains("lang=\"fr\"").contains("Phrase secrète").contains("Connexion");
  }

  @Test
  void htmx_is_served_from_this_server() {
    Http.Response r = office.http().get("/assets/htmx.min.js");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).startsWith("text/javascript");
    assertThat(office.http().get("/assets/../pom.xml").status()).isEqualTo(404);
    assertThat(office.http().get("/assets/secret.txt").status()).isEqualTo(404);
  }
}
