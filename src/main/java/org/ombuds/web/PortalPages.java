package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ombuds.common.Ids;
import org.ombuds.portal.Portal;
import org.ombuds.portal.PortalException;
import org.ombuds.portal.Views;

/**
 * The visitor portal's pages, apart from the Ombuds' UI: plain forms with POST, redirect, GET, no
 * script needed. The language travels in the address ({@code ?lang=}); the only cookie is the
 * portal session's (HttpOnly, SameSite=Strict, Path=/portal). Before a session exists, forms carry
 * a one-time nonce; afterwards the session's anti-forgery token.
 */
final class PortalPages {
  private static final Set<String> PAGES =
      Set.of("/portal", "/portal/write", "/portal/receipt", "/portal/return", "/portal/leave");

  private final Templates templates;
  private final Auth auth;
  private final Portal portal;
  private final FormNonces nonces;

  PortalPages(Templates templates, Auth auth, Portal portal, FormNonces nonces) {
    this.templates = templates;
    this.auth = auth;
    this.portal = portal;
    this.nonces = nonces;
  }

  /** Whether a path under /portal is one of these pages (HTML), not the visitor's JSON API. */
  static boolean isPage(String path) {
    return PAGES.contains(path) || path.equals("/portal/me") || path.startsWith("/portal/me/");
  }

  /** Where a visitor whose session ended is sent: the return page, saying so. */
  static String expiredPath(Context ctx) {
    return "/portal/return?expired=1&lang=" + lang(ctx).lang();
  }

  private static I18n lang(Context ctx) {
    String chosen = ctx.queryParam("lang");
    if (chosen == null && !"GET".equals(ctx.method().name())) {
      chosen = ctx.formParam("lang");
    }
    if (chosen != null && I18n.LANGUAGES.contains(chosen)) {
      return I18n.of(chosen);
    }
    return I18n.of(I18n.fromAcceptLanguage(ctx.header("Accept-Language")));
  }

  private PortalModel model(Context ctx, String csrf, String here) {
    return new PortalModel(lang(ctx), csrf, here);
  }

  private void render(Context ctx, int status, String template, Map<String, Object> params) {
    ctx.attribute("ombuds.answered", "yes");
    ctx.status(status);
    ctx.html(templates.render(template, params));
  }

  private static void redirect(Context ctx, PortalModel page, String path) {
    ctx.redirect(page.href(path), HttpStatus.SEE_OTHER);
  }

  private static void retryAfter(Context ctx, PortalException e) {
    if (e.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
  }

  private String message(PortalModel page, PortalException e) {
    String key = "portal.error." + e.code();
    String text = page.t(key, e.retryAfterSeconds());
    return text.equals(key) ? e.getMessage() : text;
  }

  // ---------------------------------------------------------------- before a session

  void home(Context ctx) {
    PortalModel page = model(ctx, nonces.issue(), "/portal");
    home(ctx, page, 200, Form.blank("contact"), Optional.empty());
  }

  private void home(Context ctx, PortalModel page, int status, Form form, Optional<String> error) {
    Map<String, Object> p = new HashMap<>();
    p.put("page", page);
    p.put("form", form);
    p.put("error", error);
    p.put("max", Portal.MAX_MESSAGE);
    render(ctx, status, "portal-home.jte", p);
  }

  void write(Context ctx) {
    Form form = Form.read(ctx, "contact", "message", "name", "reachAt", "meeting");
    PortalModel fresh = model(ctx, nonces.issue(), "/portal");
    if (!nonces.consume(ctx.formParam(Auth.CSRF_FIELD))) {
      home(ctx, fresh, 409, form, Optional.of(fresh.t("portal.error.formUsed")));
      return;
    }
    Optional<Views.Meeting> meeting;
    try {
      meeting =
          PortalApi.meeting(
              Optional.ofNullable(ctx.formParam("meeting")).filter(s -> !s.isBlank()));
    } catch (ApiError e) {
      meeting = Optional.empty();
    }
    Views.Contact c =
        new Views.Contact(
            Optional.ofNullable(ctx.formParam("message")).orElse(""),
            optional(ctx, "name"),
            optional(ctx, "reachAt"),
            meeting);
    try {
      Portal.Opened opened = portal.contact(c);
      auth.setPortalCookie(ctx, opened.token());
      redirect(ctx, fresh, "/portal/receipt");
    } catch (PortalException e) {
      retryAfter(ctx, e);
      home(ctx, fresh, e.status(), form, Optional.of(message(fresh, e)));
    }
  }

  private static Optional<String> optional(Context ctx, String field) {
    return Optional.ofNullable(ctx.formParam(field)).map(String::strip).filter(s -> !s.isEmpty());
  }

  void receipt(Context ctx) {
    Auth.Visitor v = Auth.visitor(ctx);
    PortalModel page = model(ctx, "", "/portal/receipt");
    Optional<String> receipt = portal.sessions().takeReceiptToShow(v.session());
    if (receipt.isEmpty()) {
      redirect(ctx, page, "/portal/me");
      return;
    }
    Map<String, Object> p = new HashMap<>();
    p.put("page", page);
    p.put("groups", List.of(receipt.get().split("-")));
    render(ctx, 200, "portal-receipt.jte", p);
  }

  void returnForm(Context ctx) {
    PortalModel page = model(ctx, nonces.issue(), "/portal/return");
    Optional<String> note =
        "1".equals(ctx.queryParam("expired"))
            ? Optional.of(page.t("portal.return.expired"))
            : Optional.empty();
    returnPage(ctx, page, 200, note);
  }

  private void returnPage(Context ctx, PortalModel page, int status, Optional<String> error) {
    Map<String, Object> p = new HashMap<>();
    p.put("page", page);
    p.put("error", error);
    render(ctx, status, "portal-return.jte", p);
  }

  void open(Context ctx) {
    PortalModel fresh = model(ctx, nonces.issue(), "/portal/return");
    if (!nonces.consume(ctx.formParam(Auth.CSRF_FIELD))) {
      returnPage(ctx, fresh, 409, Optional.of(fresh.t("portal.error.formExpired")));
      return;
    }
    try {
      String token = portal.openSession(Optional.ofNullable(ctx.formParam("receipt")).orElse(""));
      auth.setPortalCookie(ctx, token);
      redirect(ctx, fresh, "/portal/me");
    } catch (PortalException e) {
      retryAfter(ctx, e);
      returnPage(ctx, fresh, e.status(), Optional.of(message(fresh, e)));
    }
  }

  // ---------------------------------------------------------------- in a session

  void mine(Context ctx) {
    Auth.Visitor v = Auth.visitor(ctx);
    PortalModel page = model(ctx, PortalSessionsCsrf.of(v), "/portal/me");
    Optional<String> done =
        Optional.ofNullable(ctx.queryParam("done"))
            .filter(Set.of("sent", "reported", "granted", "declined", "revoked")::contains)
            .map(d -> page.t("portal.done." + d));
    mine(ctx, page, v, 200, done, Optional.empty());
  }

  private void mine(
      Context ctx,
      PortalModel page,
      Auth.Visitor v,
      int status,
      Optional<String> done,
      Optional<String> error) {
    Map<String, Object> p = new HashMap<>();
    p.put("page", page);
    p.put("thread", portal.thread(v.session()));
    p.put("done", done);
    p.put("error", error);
    p.put("max", Portal.MAX_MESSAGE);
    render(ctx, status, "portal-thread.jte", p);
  }

  private void act(Context ctx, String done, java.util.function.Consumer<Auth.Visitor> action) {
    Auth.Visitor v = Auth.visitor(ctx);
    PortalModel page = model(ctx, PortalSessionsCsrf.of(v), "/portal/me");
    try {
      action.accept(v);
      redirect(ctx, page, "/portal/me?done=" + done);
    } catch (PortalException e) {
      retryAfter(ctx, e);
      mine(ctx, page, v, e.status(), Optional.empty(), Optional.of(message(page, e)));
    }
  }

  void writeMore(Context ctx) {
    act(ctx, "sent", v -> portal.write(v.session(), orEmpty(ctx.formParam("text"))));
  }

  void report(Context ctx) {
    act(
        ctx,
        "reported",
        v -> portal.reportRetaliation(v.session(), orEmpty(ctx.formParam("text"))));
  }

  void grant(Context ctx) {
    act(ctx, "granted", v -> portal.grant(v.session(), disclosure(ctx), versionRead(ctx)));
  }

  void decline(Context ctx) {
    act(ctx, "declined", v -> portal.decline(v.session(), disclosure(ctx), versionRead(ctx)));
  }

  void revoke(Context ctx) {
    act(ctx, "revoked", v -> portal.revoke(v.session(), disclosure(ctx)));
  }

  /**
   * The version the page showed. The page's forms always carry it; a form without one (or with a
   * garbled one) counts as showing no version at all, which no current request matches, so the
   * visitor is asked to read the text again rather than consent to something unseen.
   */
  private static Optional<Integer> versionRead(Context ctx) {
    try {
      return Optional.of(Integer.parseInt(orEmpty(ctx.formParam("version")).strip()));
    } catch (NumberFormatException e) {
      return Optional.of(0);
    }
  }

  void leave(Context ctx) {
    Auth.Visitor v = Auth.visitor(ctx);
    portal.leave(v.token());
    auth.clearPortalCookie(ctx);
    redirect(ctx, model(ctx, "", "/portal"), "/portal");
  }

  private static String disclosure(Context ctx) {
    String d = ctx.pathParam("d");
    if (!Ids.isId(d)) {
      throw new PortalException(404, "not_found", "There is no such request for you.");
    }
    return d;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The anti-forgery token of a visitor's page session. */
  private static final class PortalSessionsCsrf {
    static String of(Auth.Visitor v) {
      return org.ombuds.portal.PortalSessions.csrfToken(v.token());
    }
  }
}
