package org.ombuds.testing;

import java.util.Map;

/**
 * Bodies of {@code POST .../release} (and the consents before it) that tests send again and again.
 */
public final class Releases {
  private Releases() {}

  /**
   * Records, as the Ombuds, the in-person consent of {@code personId} to the version of the
   * disclosure at {@code disclosurePath} that is current now (read first, as the page does).
   */
  public static Http.Response consentInPerson(Http http, String disclosurePath, String personId) {
    int version = http.get(disclosurePath).json().get("version").intValue();
    return http.post(
        disclosurePath + "/consents",
        Map.of("personId", personId, "method", "IN_PERSON", "version", version));
  }

  /**
   * A release under the exception, with a determination that the threat is imminent and serious.
   */
  public static Map<String, Object> imminentHarm(String threat, String reasoning) {
    return Map.of(
        "basis",
        "IMMINENT_HARM",
        "determination",
        Map.of(
            "threat",
            threat,
            "target",
            "PERSON",
            "imminent",
            true,
            "serious",
            true,
            "reasoning",
            reasoning));
  }
}
