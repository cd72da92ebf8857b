package org.ombuds.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ombuds.testing.Http;

/**
 * A browser as the page tests see it: one client and the session cookie it holds; every answer goes
 * through {@code check} (no inline style or script, nothing from elsewhere ...).
 */
record PageSession(Http http, String cookie, UnaryOperator<Http.Response> check) {
  static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>");

  /** Logs in through the form, with the login page's CSRF token and cookie. */
  static PageSession login(
      Http http, String username, String passphrase, UnaryOperator<Http.Response> check) {
    Http.Response form = check.apply(http.get("/login"));
    Http.Response r =
        http.postForm(
            "/login",
            Map.of(
                "username", username, "passphrase", passphrase, "_csrf", hiddenCsrf(form.body())),
            Auth.PRE_COOKIE + "=" + form.cookie(Auth.PRE_COOKIE));
    assertThat(r.status()).isEqualTo(303);
    return new PageSession(http, Auth.SESSION_COOKIE + "=" + r.cookie(Auth.SESSION_COOKIE), check);
  }

  /** The checks every HTML answer must pass. */
  static Http.Response basicChecks(Http.Response r) {
    String type = r.header("Content-Type");
    if (type != null && type.startsWith("text/html")) {
      assertThat(r.body()).as("no style attribute").doesNotContain("style=");
      assertThat(r.body()).as("no style element").doesNotContain("<style");
      assertThat(INLINE_SCRIPT.matcher(r.body()).find()).as("no inline script").isFalse();
      assertThat(r.body()).as("no hx-on").doesNotContain("hx-on");
      assertThat(r.body()).as("no positive tabindex").doesNotContainPattern("tabindex=\"[1-9]");
      assertThat(r.body()).doesNotContain("http://").doesNotContain("https://");
      if (r.body().startsWith("<!DOCTYPE")) {
        assertThat(Pattern.compile("<h1[ >]").matcher(r.body()).results().count())
            .as("one h1")
            .isEqualTo(1);
      }
    }
    return r;
  }

  static String hiddenCsrf(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("form has a CSRF field").isTrue();
    return m.group(1);
  }

  static Map.Entry<String, String> f(String name, String value) {
    return Map.entry(name, value);
  }

  Http.Response get(String path) {
    return check.apply(http.getWithCookies(path, cookie));
  }

  /** The page's form token. */
  String csrf(String path) {
    return hiddenCsrf(get(path).body());
  }

  /** A form POST with repeated fields allowed, as browsers send check boxes. */
  Http.Response post(String path, List<Map.Entry<String, String>> fields, String... headers) {
    String body =
        fields.stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(http.base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return check.apply(http.send(b));
  }

  /** A form POST with this session's token added. */
  Http.Response submit(String path, List<Map.Entry<String, String>> fields, String... headers) {
    List<Map.Entry<String, String>> all = new ArrayList<>(fields);
    all.add(Map.entry("_csrf", csrf("/dashboard")));
    return post(path, all, headers);
  }

  /** The raw bytes of a download. */
  byte[] bytes(String path) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(http.base() + path))
                    .header("Cookie", cookie)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }
}
