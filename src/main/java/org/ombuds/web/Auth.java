package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.security.RouteRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;
import org.ombuds.account.Session;
import org.ombuds.account.SessionToken;
import org.ombuds.account.Sessions;
import org.ombuds.portal.PortalSessions;
import org.ombuds.portal.VisitorSession;

/**
 * Who is calling: resolves the session of a request and enforces each route's role, deny by
 * default. The API authenticates with {@code Authorization: Bearer}; pages with an HttpOnly,
 * SameSite=Strict cookie plus a CSRF token in every form.
 */
final class Auth {
  static final String SESSION_COOKIE = "ombuds_session";
  static final String PRE_COOKIE = "ombuds_pre";
  static final String CSRF_FIELD = "_csrf";
  static final String PORTAL_COOKIE = "ombuds_portal";
  private static final String ATTR = "ombuds.caller";
  private static final String VISITOR_ATTR = "ombuds.visitor";

  /** The caller of a request that passed its role check. */
  record Caller(Session session, SessionToken token) {}

  private final Sessions sessions;
  private final PortalSessions visitors;
  private final boolean secureCookies;

  Auth(Sessions sessions, PortalSessions visitors, boolean secureCookies) {
    this.sessions = sessions;
    this.visitors = visitors;
    this.secureCookies = secureCookies;
  }

  static boolean isApi(Context ctx) {
    String p = ctx.path();
    return p.startsWith("/api/") || (p.startsWith("/portal/") && !PortalPages.isPage(p));
  }

  /** The before-matched check: runs for every matched route. */
  void check(Context ctx) {
    refuseCrossSiteWrites(ctx);
    Set<RouteRole> roles = ctx.routeRoles();
    if (roles.isEmpty()) {
      throw new ApiError(403, "forbidden", "This address is not open to anyone.");
    }
    if (roles.contains(Role.ANYONE)) {
      return;
    }
    if (roles.contains(Role.VISITOR)) {
      checkVisitor(ctx);
      return;
    }
    Optional<SessionToken> token = presentedToken(ctx);
    Optional<Session> session = token.flatMap(sessions::use);
    if (session.isEmpty()) {
      if (isApi(ctx)) {
        throw new ApiError(401, "unauthorized", "Log in first: this needs an Ombuds session.");
      }
      ctx.redirect("/login", io.javalin.http.HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    if (session.get().restricted() && !roles.contains(Role.OMBUDS_SETUP)) {
      throw new ApiError(
          403,
          "second_factor_required",
          "This office requires a second factor: set one up before anything else.");
    }
    if (!isApi(ctx) && !"GET".equals(ctx.method().name())) {
      requireCsrf(ctx, token.get().csrfToken());
    }
    ctx.attribute(ATTR, new Caller(session.get(), token.get()));
  }

  /**
   * Refuses a write that a browser says comes from another site ({@code Sec-Fetch-Site}, which the
   * browser computes and a page cannot set). Tokens already protect the Ombuds' forms; this also
   * covers the portal's first forms, whose one-time nonces any site can fetch: without it, another
   * site could post the return form with its own receipt and have a visitor's browser write into
   * that receipt's thread. Reverse proxies do not change the header, and clients that are not
   * browsers do not send it.
   */
  private static void refuseCrossSiteWrites(Context ctx) {
    String method = ctx.method().name();
    if (method.equals("GET") || method.equals("HEAD")) {
      return;
    }
    String site = ctx.header("Sec-Fetch-Site");
    if ("cross-site".equalsIgnoreCase(site) || "same-site".equalsIgnoreCase(site)) {
      throw new ApiError(403, "cross_site", "This form can only be sent from this site's pages.");
    }
  }

  /** A visitor route: a portal token (bearer for the API, the portal cookie for pages). */
  private void checkVisitor(Context ctx) {
    String token;
    if (isApi(ctx)) {
      String header = ctx.header("Authorization");
      token =
          header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
              ? header.substring(7).strip()
              : null;
    } else {
      token = ctx.cookie(PORTAL_COOKIE);
    }
    Optional<VisitorSession> s = visitors.use(token);
    if (s.isEmpty()) {
      if (isApi(ctx)) {
        throw new ApiError(
            401,
            "unauthorized",
            "Your portal session has ended (after "
                + PortalSessions.IDLE_LIMIT.toMinutes()
                + " minutes without use) or was never opened: open it again with your receipt.");
      }
      ctx.redirect(PortalPages.expiredPath(ctx), io.javalin.http.HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    if (!isApi(ctx) && !"GET".equals(ctx.method().name())) {
      requireCsrf(ctx, PortalSessions.csrfToken(token));
    }
    ctx.attribute(VISITOR_ATTR, new Visitor(s.get(), token));
  }

  /** The visitor of a request that passed the VISITOR check, and their token. */
  record Visitor(VisitorSession session, String token) {
    @Override
    public String toString() {
      return "Visitor[REDACTED]";
    }
  }

  static Visitor visitor(Context ctx) {
    Visitor v = ctx.attribute(VISITOR_ATTR);
    if (v == null) {
      throw new IllegalStateException("route has no visitor role");
    }
    return v;
  }

  /** The portal cookie: HttpOnly, SameSite=Strict, only for /portal, ends with the browser. */
  void setPortalCookie(Context ctx, String token) {
    Cookie c = cookie(PORTAL_COOKIE, token, -1);
    c.setPath("/portal");
    ctx.cookie(c);
  }

  void clearPortalCookie(Context ctx) {
    Cookie c = cookie(PORTAL_COOKIE, "", 0);
    c.setPath("/portal");
    ctx.cookie(c);
  }

  private Optional<SessionToken> presentedToken(Context ctx) {
    if (isApi(ctx)) {
      String header = ctx.header("Authorization");
      if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        return Optional.of(SessionToken.of(header.substring(7).strip()));
      }
      return Optional.empty();
    }
    return Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).map(SessionToken::of);
  }

  /** The caller; only valid in handlers of routes that need a session. */
  static Caller caller(Context ctx) {
    Caller c = ctx.attribute(ATTR);
    if (c == null) {
      throw new IllegalStateException("route has no session role");
    }
    return c;
  }

  /** The caller if the request carries a live page session (for pages open to anyone). */
  Optional<Session> pageSession(Context ctx) {
    return Optional.ofNullable(ctx.cookie(SESSION_COOKIE))
        .map(SessionToken::of)
        .flatMap(sessions::use);
  }

  static void requireCsrf(Context ctx, String expected) {
    String sent = ctx.formParam(CSRF_FIELD);
    if (sent == null || !constantTimeEquals(sent, expected)) {
      throw new ApiError(
          403, "csrf", "This form has expired or did not come from this site: reload the page.");
    }
  }

  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  void setSessionCookie(Context ctx, SessionToken token) {
    ctx.cookie(cookie(SESSION_COOKIE, token.reveal(), -1));
  }

  void clearCookie(Context ctx, String name) {
    ctx.cookie(cookie(name, "", 0));
  }

  Cookie cookie(String name, String value, int maxAge) {
    Cookie c = new Cookie(name, value);
    c.setPath("/");
    c.setHttpOnly(true);
    c.setSecure(secureCookies);
    c.setSameSite(SameSite.STRICT);
    c.setMaxAge(maxAge);
    return c;
  }
}
