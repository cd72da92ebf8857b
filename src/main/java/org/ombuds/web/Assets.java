package org.ombuds.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The few static files pages use, served from this server only (no third-party resource is ever
 * loaded). An allow-list, not a folder: nothing else can be fetched through it.
 */
final class Assets {
  @SuppressWarnings("ArrayRecordComponent") // immutable after load, never compared
  private record Asset(byte[] bytes, String type) {}

  private final Map<String, Asset> assets;

  Assets(String htmxVersion) {
    assets =
        Map.of(
            "htmx.min.js",
                load(
                    "/META-INF/resources/webjars/htmx.org/" + htmxVersion + "/dist/htmx.min.js",
                    "text/javascript; charset=utf-8"),
            "app.css", load("/org/ombuds/web/assets/app.css", "text/css; charset=utf-8"),
            "app.js", load("/org/ombuds/web/assets/app.js", "text/javascript; charset=utf-8"),
            "favicon.svg", load("/org/ombuds/web/assets/favicon.svg", "image/svg+xml"));
  }

  private static Asset load(String resource, String type) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing asset " + resource);
      }
      return new Asset(in.readAllBytes(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void serve(Context ctx) {
    Asset a = assets.get(ctx.pathParam("name"));
    if (a == null) {
      throw ApiError.notFound();
    }
    ctx.header("Cache-Control", "public, max-age=3600");
    ctx.contentType(a.type()).result(a.bytes());
  }
}
