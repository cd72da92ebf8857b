package org.ombuds.testing;

import java.util.Map;

/** Bodies of {@code POST .../release} that tests send again and again. */
public final class Releases {
  private Releases() {}

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
