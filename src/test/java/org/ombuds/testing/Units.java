package org.ombuds.testing;

import java.util.List;
import java.util.Map;

/** Changes to a case's work unit that tests make through the API. */
public final class Units {
  private Units() {}

  /**
   * Records that the "Operations group" of 40 of the case (title "Safety concerns", category 6a)
   * has one woman among them: what a recipient can then work out from "she".
   */
  public static void oneWomanAmongForty(Http http, String caseId) {
    String path = "/api/v1/cases/" + caseId;
    int version = http.get(path).json().get("version").intValue();
    Http.Response r =
        http.put(
            path,
            Map.of(
                "version",
                version,
                "title",
                "Safety concerns",
                "categories",
                List.of("6a"),
                "workUnit",
                Map.of(
                    "name",
                    "Operations group",
                    "size",
                    40,
                    "composition",
                    List.of(
                        Map.of("dimension", "gender", "group", "women", "count", 1),
                        Map.of("dimension", "gender", "group", "men", "count", 39)))));
    if (r.status() != 200) {
      throw new AssertionError("updating the unit answered " + r.status() + ": " + r.body());
    }
  }
}
