package org.ombuds.casefile;

import java.util.List;

/** What an Ombuds enters to open a case. Validated on construction. */
public record NewCase(String title, List<String> categories, WorkUnit workUnit) {
  public static final int MAX_TITLE = 200;

  public NewCase {
    if (title == null || title.isBlank()) {
      throw new CaseException(CaseException.Reason.INVALID, "A case needs a title.");
    }
    if (title.length() > MAX_TITLE) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "The title is too long: at most " + MAX_TITLE + " characters.");
    }
    categories = List.copyOf(categories);
    List<String> unknown = Categories.ioa().unknown(categories);
    if (!unknown.isEmpty()) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "Unknown category code(s) "
              + String.join(", ", unknown)
              + ". Valid codes are the IOA uniform reporting categories: "
              + String.join(", ", Categories.ioa().all().stream().map(Category::code).toList())
              + ".");
    }
    title = title.strip();
  }
}
