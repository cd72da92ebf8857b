package org.ombuds.bench;

import io.javalin.Javalin;

/**
 * The baseline of the start-up measurement ({@code scripts/bench-startup.sh}): a bare Javalin
 * answering {@code GET /healthz} with a small JSON, on 127.0.0.1 and the port given as the only
 * argument.
 */
public final class BareJavalin {
  private BareJavalin() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.routes.get(
                  "/healthz",
                  ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
            })
        .start("127.0.0.1", port);
  }
}
