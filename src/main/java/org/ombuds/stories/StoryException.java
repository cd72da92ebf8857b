package org.ombuds.stories;

import java.util.List;

/**
 * A story request that cannot be carried out, with the status and code the API answers with.
 * Carries no story text: the message is written for the Ombuds and names nothing from a case; the
 * matches of a blocked export are the story's own excerpts and the matched persons' pseudonyms.
 */
public final class StoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final transient List<OpenCaseCheck.Match> matches;

  public StoryException(int status, String code, String message) {
    this(status, code, message, List.of());
  }

  public StoryException(
      int status, String code, String message, List<OpenCaseCheck.Match> matches) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.matches = List.copyOf(matches);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** For {@code open_case_match}: what was found, where. */
  public List<OpenCaseCheck.Match> matches() {
    return matches;
  }
}
