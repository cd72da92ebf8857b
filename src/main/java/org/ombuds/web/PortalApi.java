package org.ombuds.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.common.Ids;
import org.ombuds.portal.Portal;
import org.ombuds.portal.PortalException;
import org.ombuds.portal.Views;
import tools.jackson.databind.JsonNode;

/**
 * The portal's JSON: the visitor's calls under {@code /portal} (no Ombuds session needed) and the
 * Ombuds' calls under {@code /api/v1} (inbox, read, reply, link, portal access, consent requests).
 */
final class PortalApi {
  /** Field limit for the JSON reader: long enough to answer 413 from the portal, not 400. */
  private static final int READ_LIMIT = 100_000;

  private final Portal portal;

  PortalApi(Portal portal) {
    this.portal = portal;
  }

  // ---------------------------------------------------------------- visitor

  void contact(Context ctx) {
    JsonNode body = Json.object(ctx);
    Views.Contact c =
        new Views.Contact(
            Json.optionalText(body, "message", READ_LIMIT).orElse(""),
            Json.optionalText(body, "name", READ_LIMIT),
            Json.optionalText(body, "reachAt", READ_LIMIT),
            meeting(Json.optionalText(body, "meeting", 40)));
    Portal.Opened opened = portal.contact(c);
    // The API hands out the receipt only; the visitor opens a session with it when they need one.
    portal.leave(opened.token());
    ctx.status(201).json(Map.of("receipt", opened.receipt()));
  }

  static Optional<Views.Meeting> meeting(Optional<String> text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Views.Meeting.valueOf(text.get().toUpperCase(java.util.Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("The meeting is IN_PERSON, PHONE, VIDEO or WRITING.");
    }
  }

  void session(Context ctx) {
    JsonNode body = Json.object(ctx);
    String receipt = Json.rawText(body, "receipt", 100);
    ctx.json(Map.of("token", portal.openSession(receipt)));
  }

  void endSession(Context ctx) {
    portal.leave(Auth.visitor(ctx).token());
    ctx.status(204);
  }

  void thread(Context ctx) {
    Views.VisitorThread t = portal.thread(Auth.visitor(ctx).session());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("linkedToCase", t.linkedToCase());
    out.put("messages", t.messages().stream().map(PortalApi::message).toList());
    out.put("consentRequests", t.requests().stream().map(PortalApi::request).toList());
    ctx.json(out);
  }

  void write(Context ctx) {
    JsonNode body = Json.object(ctx);
    portal.write(
        Auth.visitor(ctx).session(), Json.optionalText(body, "text", READ_LIMIT).orElse(""));
    ctx.status(201).json(Map.of("status", "sent"));
  }

  void retaliation(Context ctx) {
    JsonNode body = Json.object(ctx);
    portal.reportRetaliation(
        Auth.visitor(ctx).session(), Json.optionalText(body, "text", READ_LIMIT).orElse(""));
    ctx.status(201).json(Map.of("status", "reported"));
  }

  void consentRequests(Context ctx) {
    ctx.json(
        portal.consentRequests(Auth.visitor(ctx).session()).stream()
            .map(PortalApi::request)
            .toList());
  }

  void grant(Context ctx) {
    portal.grant(Auth.visitor(ctx).session(), disclosureId(ctx), versionSeen(ctx));
    ctx.status(201).json(Map.of("status", "GRANTED"));
  }

  void decline(Context ctx) {
    portal.decline(Auth.visitor(ctx).session(), disclosureId(ctx), versionSeen(ctx));
    ctx.json(Map.of("status", "DECLINED"));
  }

  void revoke(Context ctx) {
    portal.revoke(Auth.visitor(ctx).session(), disclosureId(ctx));
    ctx.json(Map.of("status", "REVOKED"));
  }

  /**
   * The version the visitor read, from an optional body {@code {"version": n}}. The contract shows
   * these calls without a body, so none (or one without the field) means the version asked now.
   */
  private static Optional<Integer> versionSeen(Context ctx) {
    if (ctx.body().isBlank()) {
      return Optional.empty();
    }
    return Json.optionalInteger(Json.object(ctx), "version", 1, Integer.MAX_VALUE);
  }

  private static String disclosureId(Context ctx) {
    String d = ctx.pathParam("d");
    if (!Ids.isId(d)) {
      throw new PortalException(404, "not_found", "There is no such request for you.");
    }
    return d;
  }

  static Map<String, Object> message(Views.Message m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("author", m.author().name());
    out.put("kind", m.kind().name());
    out.put("day", m.day().toString());
    out.put("text", m.text());
    return out;
  }

  static Map<String, Object> request(Views.ConsentRequest r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", r.disclosureId());
    out.put("disclosureId", r.disclosureId());
    out.put("version", r.version());
    out.put("status", r.status().name());
    out.put("recipient", r.recipient());
    out.put("identity", r.identity());
    out.put("channel", r.channel());
    out.put("text", r.text());
    // The disclosure API's risk shape ({level, anonymitySet, findings}), with the reasons and
    // suggestions in plain words that the portal's pages show.
    Map<String, Object> risk = new LinkedHashMap<>();
    risk.put("level", r.riskLevel());
    risk.put("anonymitySet", r.anonymitySet());
    risk.put("findings", r.findings().stream().map(MandateApi::finding).toList());
    risk.put("reasons", r.reasons());
    out.put("risk", risk);
    return out;
  }

  // ---------------------------------------------------------------- Ombuds

  void inbox(Context ctx) {
    String actor = Auth.caller(ctx).session().accountId();
    ctx.json(portal.inbox(actor).stream().map(PortalApi::entry).toList());
  }

  private static Map<String, Object> entry(Views.InboxEntry e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", e.id());
    out.put("name", e.name().orElse(null));
    out.put("caseId", e.caseId().orElse(null));
    out.put("personId", e.personId().orElse(null));
    out.put("openedDay", e.openedDay().toString());
    out.put("unread", e.unread());
    out.put("messages", e.messages());
    out.put("tampered", e.tampered());
    return out;
  }

  void read(Context ctx) {
    String actor = Auth.caller(ctx).session().accountId();
    Views.OmbudsThread t = portal.read(actor, ctx.pathParam("t"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", t.id());
    out.put("name", t.name().orElse(null));
    out.put("reachAt", t.reachAt().orElse(null));
    out.put("meeting", t.meeting().map(Enum::name).orElse(null));
    out.put("caseId", t.caseId().orElse(null));
    out.put("personId", t.personId().orElse(null));
    out.put("openedDay", t.openedDay().toString());
    List<Map<String, Object>> messages = t.messages().stream().map(PortalApi::message).toList();
    out.put("messages", messages);
    ctx.json(out);
  }

  void reply(Context ctx) {
    String actor = Auth.caller(ctx).session().accountId();
    JsonNode body = Json.object(ctx);
    String id =
        portal.reply(
            actor, ctx.pathParam("t"), Json.optionalText(body, "text", READ_LIMIT).orElse(""));
    ctx.status(201).json(Map.of("id", id));
  }

  void link(Context ctx) {
    String actor = Auth.caller(ctx).session().accountId();
    JsonNode body = Json.object(ctx);
    portal.link(
        actor, ctx.pathParam("t"), Json.text(body, "caseId", 36), Json.text(body, "personId", 36));
    ctx.json(Map.of("status", "linked"));
  }

  void openCase(Context ctx) {
    String actor = Auth.caller(ctx).session().accountId();
    String caseId = portal.openCase(actor, ctx.pathParam("t"), CaseApi.newCase(Json.object(ctx)));
    ctx.status(201).json(Map.of("id", caseId));
  }

  void access(Context ctx) {
    String actor = Auth.caller(ctx).session().accountId();
    String receipt = portal.issueAccess(actor, Pages.caseId(ctx), ctx.pathParam("p"));
    ctx.status(201).json(Map.of("receipt", receipt));
  }

  void requestConsent(Context ctx) {
    String actor = Auth.caller(ctx).session().accountId();
    Portal.Asked asked = portal.requestConsent(actor, Pages.caseId(ctx), ctx.pathParam("d"));
    ctx.status(201)
        .json(Map.of("threads", asked.threads(), "waitingForSources", asked.waitingForSources()));
  }
}
