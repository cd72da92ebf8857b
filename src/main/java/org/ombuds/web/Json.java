package org.ombuds.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads and checks JSON request bodies, with clear errors for every way they can be wrong. */
final class Json {
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {}

  /** The body as a JSON object; 415 if it is not declared JSON, 400 if it is not an object. */
  static JsonNode object(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiError(
          415,
          "unsupported_media_type",
          "Send the body as JSON with Content-Type: application/json.");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(ctx.body());
    } catch (JacksonException e) {
      throw new ApiError(400, "invalid_json", "The body is not valid JSON.");
    }
    if (node == null || !node.isObject()) {
      throw new ApiError(400, "invalid_json", "The body must be a JSON object.");
    }
    return node;
  }

  /** A required text field, stripped, of at most {@code max} characters. */
  static String text(JsonNode body, String field, int max) {
    return optionalText(body, field, max)
        .orElseThrow(() -> ApiError.badRequest("The field '" + field + "' is required."));
  }

  /** An optional text field; a present but blank one counts as absent. */
  static Optional<String> optionalText(JsonNode body, String field, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isString()) {
      throw ApiError.badRequest("The field '" + field + "' must be a string.");
    }
    String s = n.stringValue();
    if (s.length() > max) {
      throw new ApiError(
          400,
          "too_long",
          "The field '" + field + "' is too long: at most " + max + " characters.");
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  /** A text field kept exactly as sent (passphrases: spaces count). */
  static String rawText(JsonNode body, String field, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      throw ApiError.badRequest("The field '" + field + "' is required.");
    }
    if (!n.isString()) {
      throw ApiError.badRequest("The field '" + field + "' must be a string.");
    }
    String s = n.stringValue();
    if (s.length() > max) {
      throw new ApiError(
          400,
          "too_long",
          "The field '" + field + "' is too long: at most " + max + " characters.");
    }
    return s;
  }

  /** A required whole number between {@code min} and {@code max}. */
  static int integer(JsonNode body, String field, int min, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      throw ApiError.badRequest("The field '" + field + "' is required.");
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.intValue() < min || n.intValue() > max) {
      throw ApiError.badRequest(
          "The field '" + field + "' must be a whole number from " + min + " to " + max + ".");
    }
    return n.intValue();
  }

  /** An optional whole number between {@code min} and {@code max}. */
  static Optional<Integer> optionalInteger(JsonNode body, String field, int min, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    return Optional.of(integer(body, field, min, max));
  }

  /** A required boolean. */
  static boolean bool(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isBoolean()) {
      throw ApiError.badRequest("The field '" + field + "' must be true or false.");
    }
    return n.booleanValue();
  }

  /** An optional list of strings (absent means empty). */
  static List<String> strings(JsonNode body, String field, int maxItems, int maxLength) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray() || n.size() > maxItems) {
      throw ApiError.badRequest(
          "The field '" + field + "' must be a list of at most " + maxItems + " strings.");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : n.values()) {
      if (!item.isString() || item.stringValue().length() > maxLength) {
        throw ApiError.badRequest("Every item of '" + field + "' must be a short string.");
      }
      out.add(item.stringValue().strip());
    }
    return out;
  }

  /** A required nested object. */
  static JsonNode child(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || !n.isObject()) {
      throw ApiError.badRequest("The field '" + field + "' must be an object.");
    }
    return n;
  }
}
