package org.ombuds.mandate;

/**
 * The Ombuds' recorded determination for the one exception to confidentiality: "an imminent threat
 * of serious harm to person or property". Every field is required; whether the exception is met is
 * decided by {@link ReleasePolicy}, not here.
 */
public record Determination(
    String threat, Target target, boolean imminent, boolean serious, String reasoning) {
  public static final int MAX_TEXT = 5_000;

  /** What is threatened. */
  public enum Target {
    PERSON,
    PROPERTY
  }

  public Determination {
    if (threat == null || threat.isBlank()) {
      throw new MandateException(
          400, "invalid_request", "The determination must describe the threat.");
    }
    if (reasoning == null || reasoning.isBlank()) {
      throw new MandateException(
          400, "invalid_request", "The determination must give the reasoning.");
    }
    if (target == null) {
      throw new MandateException(
          400,
          "invalid_request",
          "The determination must say whether a person or property is threatened.");
    }
    if (threat.length() > MAX_TEXT || reasoning.length() > MAX_TEXT) {
      throw new MandateException(
          400,
          "too_long",
          "The determination's texts are limited to " + MAX_TEXT + " characters each.");
    }
    threat = threat.strip();
    reasoning = reasoning.strip();
  }
}
