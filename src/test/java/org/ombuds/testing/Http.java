package org.ombuds.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: JSON in, JSON out, with an optional bearer token. */
public final class Http {
  public static final JsonMapper JSON = JsonMapper.builder().build();
  private final String base;
  private final HttpClient client;
  private String token;

  public Http(String base) {
    this(base, HttpClient.newBuilder());
  }

  /**
   * A client whose connections come from {@code from} (another loopback address such as
   * 127.0.0.77), so that a test can look for the address the server really saw.
   */
  public Http(String base, java.net.InetAddress from) {
    this(base, HttpClient.newBuilder().localAddress(from));
  }

  private Http(String base, HttpClient.Builder builder) {
    this.base = base;
    this.client =
        builder
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** A response with its body parsed when it is JSON. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** Every value of a header. */
    public java.util.List<String> headerValues(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .toList();
    }

    /** The value a Set-Cookie header gives {@code cookie}, or null. */
    public String cookie(String cookie) {
      for (String h : headerValues("Set-Cookie")) {
        if (h.startsWith(cookie + "=")) {
          return h.substring(cookie.length() + 1, h.indexOf(';') < 0 ? h.length() : h.indexOf(';'));
        }
      }
      return null;
    }

    /** The whole Set-Cookie header for {@code cookie}, or null. */
    public String setCookie(String cookie) {
      return headerValues("Set-Cookie").stream()
          .filter(h -> h.startsWith(cookie + "="))
          .findFirst()
          .orElse(null);
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  public String base() {
    return base;
  }

  /** The bearer token this client sends, if logged in. */
  public String token() {
    return token;
  }

  public Http withToken(String t) {
    this.token = t;
    return this;
  }

  /** Logs in over the API and keeps the token. */
  public Http login(String username, String passphrase) {
    Response r = post("/api/v1/session", Map.of("username", username, "passphrase", passphrase));
    if (r.status() != 200) {
      throw new AssertionError("login failed: " + r.status() + " " + r.body());
    }
    this.token = r.json().get("token").stringValue();
    return this;
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  public Response post(String path, Object body) {
    return send(
        json(path).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  public Response put(String path, Object body) {
    return send(json(path).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** A POST with a raw body and content type, for malformed-input tests. */
  public Response postRaw(String path, String contentType, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b);
  }

  /** A form POST as a browser sends it, with the given cookies. */
  public Response postForm(String path, Map<String, String> fields, String cookies) {
    return postForm(path, fields, cookies, Map.of());
  }

  /** A form POST as a browser sends it, with the given cookies and further headers. */
  public Response postForm(
      String path, Map<String, String> fields, String cookies, Map<String, String> headers) {
    String form =
        fields.entrySet().stream()
            .map(
                e ->
                    java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8)
                        + "="
                        + java.net.URLEncoder.encode(
                            e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .collect(java.util.stream.Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookies != null && !cookies.isEmpty()) {
      b.header("Cookie", cookies);
    }
    headers.forEach(b::header);
    return send(b);
  }

  /** A GET with the given cookies. */
  public Response getWithCookies(String path, String cookies) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (cookies != null && !cookies.isEmpty()) {
      b.header("Cookie", cookies);
    }
    return send(b);
  }

  /** A GET whose body is read as bytes (a PDF, say); fails unless the answer is 200. */
  public byte[] bytes(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<byte[]> r =
          client.send(
              b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new AssertionError(
            "GET " + path + " answered " + r.statusCode() + ": " + new String(r.body(), UTF_8));
      }
      return r.body();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder json(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json");
  }

  public Response send(HttpRequest.Builder b) {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> r =
          client.send(
              b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), r.headers().map());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
