package org.ombuds.casefile;

import java.util.List;

/** What an Ombuds enters to open (or edit) a case. Checked on construction. */
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
    categories = categories.stream().map(String::strip).distinct().toList();
    title = title.strip();
  }
}
