package org.ombuds.web;

import io.javalin.http.Context;

/**
 * Headers set on every answer: a strict Content Security Policy without {@code unsafe-inline}
 * (pages load only this server's own scripts and styles), no framing, no sniffing, no referrer, and
 * no caching of anything that may hold case content.
 */
final class SecurityHeaders {
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final boolean behindTls;

  SecurityHeaders(boolean behindTls) {
    this.behindTls = behindTls;
  }

  void apply(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    ctx.header("Cross-Origin-Resource-Policy", "same-origin");
    ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    ctx.header("Cache-Control", "no-store");
    if (behindTls) {
      ctx.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
  }
}
