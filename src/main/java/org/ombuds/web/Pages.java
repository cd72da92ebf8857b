package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.account.Account;
import org.ombuds.account.AccountService;
import org.ombuds.account.LoginResult;
import org.ombuds.account.PassphrasePolicy;
import org.ombuds.account.Session;
import org.ombuds.account.SessionToken;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.mandate.Mandate;
import org.ombuds.retaliation.RetaliationException;
import org.ombuds.vault.Passphrase;

/**
 * The Ombuds' HTML pages: login, dashboard, logout and the language switch; the common parts of
 * every logged-in page (the language, the form token). The case file's pages are in {@link
 * CasePages}, the mandate's (communications leaving the office) in {@link DisclosurePages}.
 */
final class Pages {
  static final String LANG_COOKIE = "ombuds_lang";
  private static final int LANG_COOKIE_SECONDS = 365 * 24 * 3600;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int REMINDER_HORIZON_DAYS = 7;

  private final Templates templates;
  private final Auth auth;
  private final AccountService accounts;
  private final CaseService cases;
  private final CasePages casePages;
  private final DisclosurePages disclosurePages;
  private final StoryPages storyPages;
  private final RetaliationPages retaliationPages;
  private final ChangePages changePages;

  Pages(
      Templates templates,
      Auth auth,
      AccountService accounts,
      CaseService cases,
      Mandate mandate,
      org.ombuds.stories.Stories stories,
      RetaliationPages.Services retaliation,
      org.ombuds.safeguards.SecondOmbuds safeguards) {
    this.templates = templates;
    this.auth = auth;
    this.accounts = accounts;
    this.cases = cases;
    this.retaliationPages = new RetaliationPages(this, retaliation);
    this.casePages = new CasePages(this, accounts, cases, mandate, retaliation.watches());
    this.disclosurePages = new DisclosurePages(this, accounts, cases, mandate);
    this.storyPages = new StoryPages(this, cases, stories);
    this.changePages = new ChangePages(this, accounts, safeguards);
  }

  /** The dashboard's pending changes to the office's safeguards. */
  ChangePages changePages() {
    return changePages;
  }

  /** The publication series' story pages. */
  StoryPages storyPages() {
    return storyPages;
  }

  /** The case file's pages, which share this class's language and error handling. */
  CasePages casePages() {
    return casePages;
  }

  /** Alerts, retaliation watches and notification settings. */
  RetaliationPages retaliationPages() {
    return retaliationPages;
  }

  /** The mandate's pages: composing, consenting to and releasing communications. */
  DisclosurePages disclosurePages() {
    return disclosurePages;
  }

  /** The language of someone not logged in: the remembered choice, else the browser's. */
  static I18n i18n(Context ctx) {
    String chosen = ctx.cookie(LANG_COOKIE);
    if (chosen != null && I18n.LANGUAGES.contains(chosen)) {
      return I18n.of(chosen);
    }
    return I18n.of(I18n.fromAcceptLanguage(ctx.header("Accept-Language")));
  }

  /** The language of a logged-in Ombuds: the one stored on the account. */
  I18n i18n(Context ctx, Session session) {
    return accounts
        .account(session.accountId())
        .map(Account::language)
        .filter(I18n.LANGUAGES::contains)
        .map(I18n::of)
        .orElseGet(() -> i18n(ctx));
  }

  /** What every page of a logged-in Ombuds needs. */
  PageModel page(Context ctx) {
    Auth.Caller caller = Auth.caller(ctx);
    Session s = caller.session();
    return new PageModel(
        i18n(ctx, s), caller.token().csrfToken(), Optional.of(s.username().value()));
  }

  /** The words and dates for a logged-in page. */
  Labels labels(PageModel page) {
    return new Labels(page.i18n(), cases.policy().officeCategories());
  }

  /** The reader of a page request that passed its role check. */
  Reader reader(Context ctx) {
    PageModel page = page(ctx);
    return new Reader(Auth.caller(ctx).session().accountId(), page, labels(page));
  }

  /**
   * Runs a page action; refusals of the case file and of the mandate become pages in the reader's
   * language. A recused Ombuds gets exactly the answer for a case that does not exist.
   */
  void guarded(Context ctx, java.util.function.Consumer<Reader> action) {
    Reader r = reader(ctx);
    try {
      action.accept(r);
    } catch (org.ombuds.casefile.CaseException e) {
      switch (e.reason()) {
        case NOT_FOUND -> error(ctx, r.page(), 404, r.t("error.noCase"));
        case CLOSED -> error(ctx, r.page(), 409, r.t("error.caseClosed"));
        default -> throw e;
      }
    } catch (org.ombuds.mandate.MandateException e) {
      error(ctx, r.page(), e.status(), mandateMessage(r, e));
    } catch (RetaliationException e) {
      error(ctx, r.page(), e.status(), RetaliationPages.message(r, e));
    }
  }

  /** The mandate's refusal in the reader's words, by its code. */
  static String mandateMessage(Reader r, org.ombuds.mandate.MandateException e) {
    String key = "mandate.error." + e.code();
    String text = r.t(key);
    return text.equals(key) ? r.t("mandate.error.other") : text;
  }

  /** The case id of the path; an id of the wrong shape is the same as an unknown case. */
  static String caseId(Context ctx) {
    String id = ctx.pathParam("id");
    if (!org.ombuds.common.Ids.isId(id)) {
      throw new org.ombuds.casefile.CaseException(
          org.ombuds.casefile.CaseException.Reason.NOT_FOUND, "There is no such case.");
    }
    return id;
  }

  void render(Context ctx, int status, String template, Map<String, Object> params) {
    ctx.status(status);
    ctx.html(templates.render(template, params));
  }

  /** Renders the error page in the reader's language. */
  void error(Context ctx, PageModel page, int status, String message) {
    // Tells ErrorMapper's status handlers this answer is complete (its ANSWERED marker), so they
    // do not replace it with their English page.
    ctx.attribute("ombuds.answered", "yes");
    ctx.status(status);
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put("status", status);
    params.put("message", message);
    ctx.html(templates.render("error.jte", params));
  }

  /**
   * Changes the interface language: stored on the account when logged in, and in a cookie for the
   * login page. Open to anyone so the login page can offer it; the form token is checked here (the
   * session's, or the login page's before a session exists).
   */
  void language(Context ctx) {
    String lang = Optional.ofNullable(ctx.formParam("lang")).orElse("");
    String sessionCookie = ctx.cookie(Auth.SESSION_COOKIE);
    Optional<Session> session = auth.pageSession(ctx);
    if (session.isPresent()) {
      Auth.requireCsrf(ctx, SessionToken.of(sessionCookie).csrfToken());
    } else {
      String pre = ctx.cookie(Auth.PRE_COOKIE);
      if (pre == null || pre.isEmpty()) {
        throw new ApiError(
            403, "csrf", "This form has expired or did not come from this site: reload the page.");
      }
      Auth.requireCsrf(ctx, pre);
    }
    if (!I18n.LANGUAGES.contains(lang)) {
      throw ApiError.badRequest("The language is en or fr.");
    }
    session.ifPresent(s -> accounts.setLanguage(s.accountId(), lang));
    ctx.cookie(auth.cookie(LANG_COOKIE, lang, LANG_COOKIE_SECONDS));
    String fallback = session.isPresent() ? "/dashboard" : "/login";
    ctx.redirect(localPath(ctx.formParam("back")).orElse(fallback), HttpStatus.SEE_OTHER);
  }

  /** {@code path} when it is a path on this server (never another site), else empty. */
  static Optional<String> localPath(String path) {
    if (path == null
        || path.isEmpty()
        || path.length() > 500
        || path.charAt(0) != '/'
        || path.startsWith("//")
        || path.startsWith("/\\")
        || path.chars().anyMatch(ch -> ch <= 0x20 || ch == 0x7f || ch == '\\')) {
      return Optional.empty();
    }
    return Optional.of(path);
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
        if (I18n.LANGUAGES.contains(in.account().language())) {
          // The login page after logging out speaks the account's language too.
          ctx.cookie(auth.cookie(LANG_COOKIE, in.account().language(), LANG_COOKIE_SECONDS));
        }
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
    String actor = caller.session().accountId();
    PageModel page = page(ctx);
    Labels labels = labels(page);
    List<CaseView> open = cases.list(actor).stream().filter(CaseView::isOpen).toList();
    Map<String, String> titles = new HashMap<>();
    open.forEach(c -> titles.put(c.id(), c.title()));
    Map<String, Object> params = new HashMap<>();
    params.put("page", page);
    params.put("labels", labels);
    params.put("cases", open);
    params.put(
        "reminders", cases.remindersDue(actor, labels.today().plusDays(REMINDER_HORIZON_DAYS)));
    params.put("titles", titles);
    params.put(
        "done",
        Optional.ofNullable(ctx.queryParam("done"))
            .filter("recused"::equals)
            .map(d -> page.t("dashboard.recused")));
    retaliationPages.dashboard(ctx, actor, labels, params);
    changePages.dashboard(ctx, new Reader(actor, page, labels), params);
    ctx.html(templates.render("dashboard.jte", params));
  }
}
