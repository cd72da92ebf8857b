package org.ombuds.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ombuds.letters.StoryDocuments;
import org.ombuds.mandate.Outbound;
import org.ombuds.stories.ClearedStory;
import org.ombuds.stories.OpenCaseCheck;
import org.ombuds.stories.Stories;
import org.ombuds.stories.StoryException;
import org.ombuds.stories.StoryView;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/stories}: the publication series' stories. Consent and release of a story drawn
 * from a case go through the mandate's own calls on its disclosure ({@code disclosureId}).
 */
final class StoryApi {
  /** The export formats: name, media type, file name. */
  enum Format {
    MARKDOWN("text/markdown; charset=utf-8", "story.md"),
    HTML("text/html; charset=utf-8", "story.html"),
    PDF("application/pdf", "story.pdf");

    final String mediaType;
    final String fileName;

    Format(String mediaType, String fileName) {
      this.mediaType = mediaType;
      this.fileName = fileName;
    }

    static Format parse(String s) {
      return switch (s == null ? "" : s) {
        case "markdown", "md" -> MARKDOWN;
        case "html" -> HTML;
        case "pdf" -> PDF;
        default -> throw ApiError.badRequest("format is markdown, html or pdf.");
      };
    }

    String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Stories stories;

  StoryApi(Stories stories) {
    this.stories = stories;
  }

  private static String actor(Context ctx) {
    return Auth.caller(ctx).session().accountId();
  }

  private static OptionalInt audience(JsonNode body) {
    JsonNode n = body.get("audience");
    return n == null || n.isNull()
        ? OptionalInt.empty()
        : OptionalInt.of(Json.integer(body, "audience", 1, Stories.MAX_AUDIENCE));
  }

  void create(Context ctx) {
    JsonNode body = Json.object(ctx);
    Optional<String> caseId = Json.optionalText(body, "caseId", 36);
    StoryView s;
    if (caseId.isPresent()) {
      String lang = Json.optionalText(body, "lang", 2).orElse("en");
      if (!I18n.LANGUAGES.contains(lang)) {
        throw ApiError.badRequest("lang is one of " + I18n.LANGUAGES + ".");
      }
      s = stories.fromCase(actor(ctx), caseId.get(), lang, audience(body));
    } else {
      s = stories.create(actor(ctx), Json.text(body, "text", Stories.MAX_TEXT), audience(body));
    }
    ctx.status(201).json(describe(s));
  }

  void list(Context ctx) {
    ctx.json(stories.list(actor(ctx)).stream().map(StoryApi::describe).toList());
  }

  void get(Context ctx) {
    ctx.json(describe(stories.get(actor(ctx), ctx.pathParam("s"))));
  }

  void edit(Context ctx) {
    JsonNode body = Json.object(ctx);
    Optional<Integer> version =
        body.get("version") == null || body.get("version").isNull()
            ? Optional.empty()
            : Optional.of(Json.integer(body, "version", 1, Integer.MAX_VALUE));
    StoryView s =
        stories.edit(
            actor(ctx),
            ctx.pathParam("s"),
            version,
            Json.text(body, "text", Stories.MAX_TEXT),
            audience(body));
    ctx.json(describe(s));
  }

  void sendForConsent(Context ctx) {
    ctx.status(201).json(describe(stories.sendForConsent(actor(ctx), ctx.pathParam("s"))));
  }

  void check(Context ctx) {
    Map<String, Object> m = new LinkedHashMap<>();
    switch (stories.check(actor(ctx), ctx.pathParam("s"))) {
      case OpenCaseCheck.Outcome.Cleared c -> {
        m.put("cleared", true);
        m.put("matches", List.of());
      }
      case OpenCaseCheck.Outcome.Blocked b -> {
        m.put("cleared", false);
        m.put("message", b.message());
        m.put("matches", matches(b.matches()));
      }
    }
    ctx.json(m);
  }

  void export(Context ctx) {
    Format format = Format.parse(ctx.queryParam("format"));
    String id = ctx.pathParam("s");
    StoryView s = stories.get(actor(ctx), id);
    byte[] bytes;
    if (s.caseId().isPresent()) {
      Outbound out = stories.releasedStory(actor(ctx), id, format.code());
      bytes =
          switch (format) {
            case MARKDOWN -> StoryDocuments.markdown(out);
            case HTML -> StoryDocuments.html(out);
            case PDF -> StoryDocuments.pdf(out);
          };
    } else {
      ClearedStory cleared = stories.clearedStory(actor(ctx), id, format.code());
      bytes =
          switch (format) {
            case MARKDOWN -> StoryDocuments.markdown(cleared);
            case HTML -> StoryDocuments.html(cleared);
            case PDF -> StoryDocuments.pdf(cleared);
          };
    }
    send(ctx, format, bytes);
  }

  static void send(Context ctx, Format format, byte[] bytes) {
    ctx.header("Content-Disposition", "attachment; filename=\"" + format.fileName + "\"");
    ctx.contentType(format.mediaType).result(bytes);
  }

  static List<Map<String, Object>> matches(List<OpenCaseCheck.Match> matches) {
    return matches.stream()
        .map(
            x -> {
              Map<String, Object> mm = new LinkedHashMap<>();
              mm.put("start", x.start());
              mm.put("end", x.end());
              mm.put("excerpt", x.excerpt());
              mm.put("pseudonym", x.pseudonym());
              mm.put("byPseudonym", x.byPseudonym());
              mm.put("reason", x.reason());
              return mm;
            })
        .toList();
  }

  /** The extra fields of an error: the matches of a blocked export. */
  static Map<String, Object> extra(StoryException e) {
    return e.matches().isEmpty() ? Map.of() : Map.of("matches", matches(e.matches()));
  }

  static Map<String, Object> describe(StoryView s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    s.caseId().ifPresent(c -> m.put("caseId", c));
    m.put("status", s.status().name());
    m.put("version", s.version());
    m.put("audience", s.audience());
    m.put("createdAt", s.createdAt().toString());
    m.put("updatedAt", s.updatedAt().toString());
    s.disclosureId().ifPresent(d -> m.put("disclosureId", d));
    m.put("text", s.text());
    m.put("risk", MandateApi.risk(s.risk()));
    return m;
  }
}
