package org.ombuds.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ombuds.account.AccountException;
import org.ombuds.audit.AuditIntegrityException;
import org.ombuds.casefile.CaseException;
import org.ombuds.mandate.MandateException;
import org.ombuds.portal.PortalException;
import org.ombuds.retaliation.RetaliationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into one answer shape: {@code {"error","message"}} JSON for the API, an HTML
 * page otherwise. Nothing internal reaches the caller; an unexpected fault is logged by its type
 * and code location only (exception messages can quote data, so they are not logged).
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  private static final String ANSWERED = "ombuds.answered";

  private final Templates templates;

  ErrorMapper(Templates templates) {
    this.templates = templates;
  }

  void register(RoutesConfig routes) {
    routes.exception(
        ApiError.class, (e, ctx) -> answer(ctx, e.status(), e.code(), e.getMessage(), e.extra()));
    routes.exception(
        PortalException.class,
        (e, ctx) -> {
          if (e.retryAfterSeconds() > 0) {
            ctx.attribute("retryAfter", e.retryAfterSeconds());
          }
          answer(ctx, e.status(), e.code(), e.getMessage());
        });
    routes.exception(
        MandateException.class,
        (e, ctx) ->
            answer(
                ctx,
                e.status(),
                e.code(),
                e.getMessage(),
                e instanceof org.ombuds.mandate.ExitCheck.Refused r && !r.shown().isEmpty()
                    ? Map.of("matches", exitMatches(r))
                    : Map.of()));
    routes.exception(
        org.ombuds.safeguards.SafeguardException.class,
        (e, ctx) -> answer(ctx, e.status(), e.code(), e.getMessage()));
    routes.exception(
        org.ombuds.stories.StoryException.class,
        (e, ctx) -> answer(ctx, e.status(), e.code(), e.getMessage(), StoryApi.extra(e)));
    routes.exception(
        RetaliationException.class, (e, ctx) -> answer(ctx, e.status(), e.code(), e.getMessage()));
    routes.exception(
        AccountException.class,
        (e, ctx) ->
            answer(
                ctx,
                switch (e.reason()) {
                  case INVALID -> 400;
                  case CONFLICT -> 409;
                  case LOCKED -> 423;
                  case NOT_FOUND -> 404;
                },
                switch (e.reason()) {
                  case INVALID -> "invalid_request";
                  case CONFLICT -> "conflict";
                  case LOCKED -> "office_locked";
                  case NOT_FOUND -> "not_found";
                },
                e.getMessage()));
    routes.exception(
        org.ombuds.records.ReportException.class,
        (e, ctx) ->
            answer(
                ctx,
                e.reason() == org.ombuds.records.ReportException.Reason.LOCKED ? 423 : 400,
                e.reason() == org.ombuds.records.ReportException.Reason.LOCKED
                    ? "office_locked"
                    : "invalid_request",
                e.getMessage()));
    routes.exception(
        CaseException.class,
        (e, ctx) ->
            answer(
                ctx,
                switch (e.reason()) {
                  case INVALID -> 400;
                  case NOT_FOUND -> 404;
                  case CLOSED -> 409;
                  case CONFLICT -> 409;
                  case LOCKED -> 423;
                },
                switch (e.reason()) {
                  case INVALID -> "invalid_request";
                  case NOT_FOUND -> "not_found";
                  case CLOSED -> "case_closed";
                  case CONFLICT -> "conflict";
                  case LOCKED -> "office_locked";
                },
                e.getMessage()));
    routes.exception(
        AuditIntegrityException.class,
        (e, ctx) -> {
          LOG.error(
              "The audit log failed its integrity check; changes are refused until it is investigated");
          answer(
              ctx,
              503,
              "audit_log_tampered",
              "The audit log does not verify, so the office refuses changes until the administrator"
                  + " has run 'ombuds audit verify' and investigated.");
        });
    routes.exception(
        org.ombuds.common.TamperedRowException.class,
        (e, ctx) -> {
          // Identifiers only: the table and the row's key, never what the row holds.
          LOG.error("A {} row ({}) does not match its authentication tag", e.table(), e.key());
          I18n i18n =
              Auth.isApi(ctx)
                  ? I18n.of("en")
                  : I18n.of(I18n.fromAcceptLanguage(ctx.header("Accept-Language")));
          answer(ctx, 409, "tampered", i18n.t("error.tampered"));
        });
    routes.exception(
        HttpResponseException.class, (e, ctx) -> answer(ctx, e.getStatus(), null, null));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected {} at {}", e.getClass().getName(), where(e));
          answer(
              ctx,
              500,
              "internal",
              "Something went wrong on the server. Nothing was changed by"
                  + " the failed step; try again, and tell the administrator if it persists.");
        });
    for (int status : new int[] {400, 404, 405, 413, 415}) {
      routes.error(
          status,
          "*",
          ctx -> {
            if (ctx.attribute(ANSWERED) == null) {
              answer(ctx, status, null, null);
            }
          });
    }
  }

  /** The matches of an exit check's refusal that the author may see (none for a hidden case). */
  private static java.util.List<Map<String, Object>> exitMatches(
      org.ombuds.mandate.ExitCheck.Refused r) {
    return r.shown().stream()
        .map(
            s -> {
              Map<String, Object> m = new LinkedHashMap<>();
              m.put("start", s.start());
              m.put("end", s.end());
              m.put("excerpt", s.excerpt());
              m.put("pseudonym", s.pseudonym());
              m.put("byPseudonym", s.byPseudonym());
              m.put("reason", s.reason());
              return m;
            })
        .toList();
  }

  private static String where(Throwable e) {
    return Arrays.stream(e.getStackTrace())
        .limit(8)
        .map(f -> f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber())
        .collect(Collectors.joining(" < "));
  }

  void answer(Context ctx, int status, String code, String message) {
    answer(ctx, status, code, message, Map.of());
  }

  void answer(Context ctx, int status, String code, String message, Map<String, Object> extra) {
    String c = Optional.ofNullable(code).orElseGet(() -> defaultCode(status));
    String m = Optional.ofNullable(message).orElseGet(() -> defaultMessage(status));
    ctx.attribute(ANSWERED, "yes");
    ctx.status(status);
    if (status == 429 && ctx.attribute("retryAfter") instanceof Long seconds) {
      ctx.header("Retry-After", Long.toString(seconds));
    }
    if (Auth.isApi(ctx) || ctx.path().equals("/healthz")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", c);
      body.put("message", m);
      body.putAll(extra);
      ctx.contentType("application/json").result(Json.MAPPER.writeValueAsString(body));
    } else {
      I18n i18n = I18n.of(I18n.fromAcceptLanguage(ctx.header("Accept-Language")));
      ctx.html(
          templates.render(
              "error.jte",
              Map.of(
                  "page", new PageModel(i18n, "", Optional.empty()),
                  "status", status,
                  "message", m)));
    }
  }

  static String defaultCode(int status) {
    return switch (status) {
      case 400 -> "invalid_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "too_large";
      case 415 -> "unsupported_media_type";
      case 429 -> "too_many_attempts";
      default -> status >= 500 ? "internal" : "error";
    };
  }

  static String defaultMessage(int status) {
    return switch (status) {
      case 400 -> "The request is not well formed.";
      case 401 -> "Log in first.";
      case 403 -> "This is not allowed.";
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that method.";
      case 413 ->
          "The request is too large: at most " + WebServer.MAX_REQUEST_BYTES / 1024 + " KiB.";
      case 415 -> "Send the body as JSON with Content-Type: application/json.";
      default -> status >= 500 ? "Something went wrong on the server." : "The request failed.";
    };
  }
}
