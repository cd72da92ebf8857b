package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ombuds.account.AccountService;
import org.ombuds.account.LoginResult;
import org.ombuds.account.PassphrasePolicy;
import org.ombuds.account.Session;
import org.ombuds.casefile.CaseService;
import org.ombuds.vault.Passphrase;

/** The Ombuds' HTML pages: login, dashboard, logout. */
final class Pages {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Templates templates;
  private final Auth auth;
  private final AccountService accounts;
  private final CaseService cases;

  Pages(Templates templates, Auth auth, AccountService accounts, CaseService cases) {
    this.templates = templates;
    this.auth = auth;
    this.accounts = accounts;
    this.cases = cases;
  }

  static I18n i18n(Context ctx) {
    String chosen = ctx.cookie("ombuds_lang");
    if (chosen != null && I18n.LANGUAGES.contains(chosen)) {
      return I18n.of(chosen);
    }
    return I18n.of(I18n.fromAcceptLanguage(ctx.header("Accept-Language")));
  }

  void root(Context ctx) {
    ctx.redirect(auth.pageSession(ctx).isPresent() ? "/dashboard" : "/login", HttpStatus.SEE_OTHER);
  }

  void loginForm(Context ctx) {
    if (auth.pageSession(ctx).isPresent()) {
      ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
      return;
    }
    renderLogin(ctx, Optional.empty(), "");
  }

  private void renderLogin(Context ctx, Optional<String> error, String username) {
    byte[] pre = new byte[24];
    RANDOM.nextBytes(pre);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(pre);
    ctx.cookie(auth.cookie(Auth.PRE_COOKIE, token, 3600));
    Map<String, Object> params = new HashMap<>();
    params.put("page", new PageModel(i18n(ctx), token, Optional.empty()));
    params.put("error", error);
    params.put("username", username);
    ctx.html(templates.render("login.jte", params));
  }

  void login(Context ctx) {
    String pre = ctx.cookie(Auth.PRE_COOKIE);
    if (pre == null || pre.isEmpty()) {
      throw new ApiError(
          403, "csrf", "This form has expired or did not come from this site: reload the page.");
    }
    Auth.requireCsrf(ctx, pre);
    I18n t = i18n(ctx);
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("");
    String passphrase = Optional.ofNullable(ctx.formParam("passphrase")).orElse("");
    Optional<String> otp = Optional.ofNullable(ctx.formParam("otp")).filter(s -> !s.isBlank());
    if (username.length() > 200 || passphrase.length() > PassphrasePolicy.MAX_LENGTH) {
      ctx.status(400);
      renderLogin(ctx, Optional.of(t.t("login.refused")), "");
      return;
    }
    LoginResult result;
    try (Passphrase p = Passphrase.of(passphrase)) {
      result = accounts.login(username, p, otp);
    }
    switch (result) {
      case LoginResult.LoggedIn in -> {
        auth.clearCookie(ctx, Auth.PRE_COOKIE);
        auth.setSessionCookie(ctx, in.token());
        ctx.redirect("/dashboard", HttpStatus.SEE_OTHER);
      }
      case LoginResult.Refused r -> {
        ctx.status(401);
        renderLogin(ctx, Optional.of(t.t("login.refused")), username);
      }
      case LoginResult.OtpRequired r -> {
        ctx.status(401);
        renderLogin(ctx, Optional.of(t.t("login.otpRequired")), username);
      }
      case LoginResult.Throttled th -> {
        ctx.status(429);
        ctx.header("Retry-After", Long.toString(Math.max(1, th.retryAfter().toSeconds())));
        renderLogin(
            ctx,
            Optional.of(t.t("login.throttled", Math.max(1, th.retryAfter().toSeconds()))),
            username);
      }
    }
  }

  void logout(Context ctx) {
    accounts.logout(Auth.caller(ctx).token());
    auth.clearCookie(ctx, Auth.SESSION_COOKIE);
    ctx.redirect("/login", HttpStatus.SEE_OTHER);
  }

  void dashboard(Context ctx) {
    Auth.Caller caller = Auth.caller(ctx);
    Session s = caller.session();
    Map<String, Object> params = new HashMap<>();
    params.put(
        "page",
        new PageModel(i18n(ctx), caller.token().csrfToken(), Optional.of(s.username().value())));
    params.put("cases", cases.list(s.accountId()));
    ctx.html(templates.render("dashboard.jte", params));
  }
}
