package org.ombuds.web;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.casefile.Vocabulary;
import org.ombuds.letters.Letters;
import org.ombuds.mandate.Basis;
import org.ombuds.mandate.ConsentMethod;
import org.ombuds.mandate.Determination;
import org.ombuds.mandate.DisclosureView;
import org.ombuds.mandate.DraftContent;
import org.ombuds.mandate.Exposure;
import org.ombuds.mandate.IdentityMode;
import org.ombuds.mandate.Mandate;
import org.ombuds.mandate.Outbound;
import org.ombuds.mandate.ReleasePolicy;
import org.ombuds.mandate.RiskView;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/cases/{id}/disclosures}: drafting, consent, release and letters. */
final class MandateApi {
  private final Mandate mandate;

  MandateApi(Mandate mandate) {
    this.mandate = mandate;
  }

  private static String actor(Context ctx) {
    return Auth.caller(ctx).session().accountId();
  }

  static DraftContent content(JsonNode body) {
    return new DraftContent(
        Json.optionalText(body, "recipient", 300).orElse(""),
        Vocabulary.parse(IdentityMode.class, "identity", Json.text(body, "identity", 20)),
        Json.optionalText(body, "channel", 100).orElse(""),
        Json.optionalText(body, "text", DraftContent.MAX_TEXT).orElse(""),
        Json.strings(body, "concerns", 100, 36));
  }

  void draft(Context ctx) {
    DisclosureView d = mandate.draft(actor(ctx), ctx.pathParam("id"), content(Json.object(ctx)));
    ctx.status(201).json(describe(d));
  }

  void edit(Context ctx) {
    JsonNode body = Json.object(ctx);
    Optional<Integer> version =
        body.get("version") == null || body.get("version").isNull()
            ? Optional.empty()
            : Optional.of(Json.integer(body, "version", 1, Integer.MAX_VALUE));
    DisclosureView d =
        mandate.edit(actor(ctx), ctx.pathParam("id"), ctx.pathParam("d"), version, content(body));
    ctx.json(describe(d));
  }

  void list(Context ctx) {
    ctx.json(
        mandate.list(actor(ctx), ctx.pathParam("id")).stream().map(MandateApi::describe).toList());
  }

  void get(Context ctx) {
    ctx.json(describe(mandate.get(actor(ctx), ctx.pathParam("id"), ctx.pathParam("d"))));
  }

  void withdraw(Context ctx) {
    mandate.withdraw(actor(ctx), ctx.pathParam("id"), ctx.pathParam("d"));
    ctx.json(Map.of("id", ctx.pathParam("d"), "status", "WITHDRAWN"));
  }

  void consent(Context ctx) {
    JsonNode body = Json.object(ctx);
    if (body.get("version") == null || body.get("version").isNull()) {
      throw new ApiError(
          422,
          "version_required",
          "Say which version the person was shown (\"version\"): a consent covers that version"
              + " only.");
    }
    int version = Json.integer(body, "version", 1, Integer.MAX_VALUE);
    ConsentMethod method =
        Vocabulary.parse(ConsentMethod.class, "method", Json.text(body, "method", 20));
    if (method == ConsentMethod.PORTAL) {
      throw new ApiError(
          422,
          "portal_only",
          "A PORTAL consent comes only from the visitor's own grant in the portal: record a consent"
              + " given in person, by phone or in writing with its own method.");
    }
    Mandate.Shown shown =
        body.get("estimate") == null || body.get("estimate").isNull()
            ? Mandate.Shown.version(version)
            : Mandate.Shown.withEstimate(version, exposure(body.get("estimate")));
    String id =
        mandate.consent(
            actor(ctx),
            ctx.pathParam("id"),
            ctx.pathParam("d"),
            Json.text(body, "personId", 36),
            method,
            shown);
    ctx.status(201).json(Map.of("id", id));
  }

  /** The estimate a person was shown: {@code {"level","anonymitySet"}}. */
  private static Exposure exposure(JsonNode estimate) {
    if (!estimate.isObject()) {
      throw ApiError.badRequest("estimate is an object {\"level\", \"anonymitySet\"}.");
    }
    String level = Json.text(estimate, "level", 10);
    if (!List.of("LOW", "MEDIUM", "HIGH").contains(level)) {
      throw ApiError.badRequest("estimate.level is LOW, MEDIUM or HIGH.");
    }
    return new Exposure(level, Json.integer(estimate, "anonymitySet", 0, Integer.MAX_VALUE));
  }

  void revoke(Context ctx) {
    mandate.revoke(actor(ctx), ctx.pathParam("id"), ctx.pathParam("c"));
    ctx.json(Map.of("id", ctx.pathParam("c"), "revoked", true));
  }

  void release(Context ctx) {
    JsonNode body = Json.object(ctx);
    Basis basis = Vocabulary.parse(Basis.class, "basis", Json.text(body, "basis", 20));
    Optional<Determination> determination = Optional.empty();
    Optional<String> confirm = Json.optionalText(body, "confirm", 36);
    if (basis == Basis.IMMINENT_HARM && confirm.isEmpty()) {
      JsonNode d = Json.child(body, "determination");
      determination =
          Optional.of(
              new Determination(
                  Json.optionalText(d, "threat", Determination.MAX_TEXT).orElse(""),
                  Vocabulary.parse(
                      Determination.Target.class, "target", Json.text(d, "target", 20)),
                  Json.bool(d, "imminent"),
                  Json.bool(d, "serious"),
                  Json.optionalText(d, "reasoning", Determination.MAX_TEXT).orElse("")));
    }
    Mandate.ReleaseOutcome outcome =
        mandate.release(
            actor(ctx), ctx.pathParam("id"), ctx.pathParam("d"), basis, determination, confirm);
    switch (outcome) {
      case Mandate.ReleaseOutcome.Released r -> ctx.json(describe(r.disclosure()));
      case Mandate.ReleaseOutcome.AwaitingConfirmation w ->
          throw new ApiError(
              409,
              "confirmation_required",
              "The exception is met, and this office requires a second Ombuds to confirm it: nothing"
                  + " was released. Another Ombuds confirms by releasing with {\"basis\":\"IMMINENT_HARM\",\"confirm\":\""
                  + w.determinationId()
                  + "\"}.",
              Map.of("determinationId", w.determinationId()));
      case Mandate.ReleaseOutcome.Refused refused -> throw refusal(refused.decision());
    }
  }

  static ApiError refusal(ReleasePolicy.Decision decision) {
    return switch (decision) {
      case ReleasePolicy.Decision.ConsentMissing m ->
          new ApiError(
              409,
              "consent_required",
              m.personIds().isEmpty()
                  ? "Nobody concerned has consented: nothing was released."
                  : m.personIds().size()
                      + " person(s) concerned have not consented to the current version: nothing was released.",
              Map.of("missing", m.personIds()));
      case ReleasePolicy.Decision.EstimateChanged e ->
          new ApiError(
              409,
              "estimate_changed",
              e.personIds().size()
                  + " person(s) consented when the anonymity estimate was better than it is now:"
                  + " show them the new estimate and ask again. Nothing was released.",
              Map.of("stale", e.personIds()));
      case ReleasePolicy.Decision.ExceptionNotMet n ->
          new ApiError(422, "exception_not_met", n.why() + " Nothing was released.");
      case ReleasePolicy.Decision.NotADraft n ->
          new ApiError(
              409,
              "not_a_draft",
              "Only a draft can be released; this one is "
                  + n.status().name().toLowerCase(java.util.Locale.ROOT)
                  + ".");
      case ReleasePolicy.Decision.ConfirmationRequired c ->
          new ApiError(409, "confirmation_required", "A second Ombuds must confirm the exception.");
      case ReleasePolicy.Decision.Allowed a ->
          new ApiError(500, "internal", "A release was allowed but not carried out.");
    };
  }

  void letter(Context ctx) {
    String format = Optional.ofNullable(ctx.queryParam("format")).orElse("pdf");
    if (!List.of("pdf", "text").contains(format)) {
      throw ApiError.badRequest("format is pdf or text.");
    }
    Outbound out = mandate.outbound(actor(ctx), ctx.pathParam("id"), ctx.pathParam("d"), format);
    String head = mandate.letterhead().orElse("");
    if (format.equals("pdf")) {
      ctx.header("Content-Disposition", "attachment; filename=\"letter.pdf\"");
      ctx.contentType("application/pdf").result(Letters.pdf(out, head));
    } else {
      ctx.contentType("text/plain; charset=utf-8")
          .result(Letters.text(out, head).getBytes(StandardCharsets.UTF_8));
    }
  }

  static Map<String, Object> describe(DisclosureView d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("caseId", d.caseId());
    m.put("status", d.status().name());
    m.put("version", d.version());
    m.put("createdAt", d.createdAt().toString());
    d.releasedAt().ifPresent(t -> m.put("releasedAt", t.toString()));
    m.put("recipient", d.content().recipient());
    m.put("identity", d.content().identity().name());
    m.put("channel", d.content().channel());
    m.put("text", d.content().text());
    m.put("concerns", d.content().concerns());
    m.put("risk", risk(d.risk()));
    m.put(
        "consents",
        d.consents().stream()
            .map(
                c -> {
                  Map<String, Object> cm = new LinkedHashMap<>();
                  cm.put("id", c.id());
                  cm.put("personId", c.personId());
                  cm.put("version", c.version());
                  cm.put("method", c.method().name());
                  cm.put("givenAt", c.givenAt().toString());
                  c.revokedAt().ifPresent(t -> cm.put("revokedAt", t.toString()));
                  cm.put("current", c.current());
                  return cm;
                })
            .toList());
    return m;
  }

  /** One finding, the same in the Ombuds' API and in the visitor's consent requests. */
  static Map<String, Object> finding(RiskView.FindingView f) {
    Map<String, Object> fm = new LinkedHashMap<>();
    fm.put("kind", f.kind());
    if (f.start() >= 0) {
      fm.put("start", f.start());
      fm.put("end", f.end());
      fm.put("excerpt", f.excerpt());
    }
    fm.put("reason", f.reason());
    return fm;
  }

  static Map<String, Object> risk(RiskView r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("level", r.level());
    m.put("anonymitySet", r.anonymitySet());
    m.put("findings", r.findings().stream().map(MandateApi::finding).toList());
    m.put("suggestions", r.suggestions());
    return m;
  }
}
