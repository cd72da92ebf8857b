package org.ombuds.anonymity;

import java.util.Objects;

/**
 * One thing in a draft or its context that helps the recipient guess the source.
 *
 * @param kind what was found
 * @param start the first char of the detail in the text, or -1 for a finding about the context
 * @param end the char after the detail (exclusive), or -1 for a finding about the context
 * @param excerpt the text from {@code start} to {@code end} exactly as written; "" for the context
 * @param reason why it matters, in plain English for someone who is not a technician; it never
 *     repeats anything about a person beyond the excerpt itself (a reason shown to one visitor must
 *     not reveal another person's full name)
 */
public record Finding(FindingKind kind, int start, int end, String excerpt, String reason) {
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(excerpt, "excerpt");
    Objects.requireNonNull(reason, "reason");
    if (kind.aboutContext()) {
      if (start != -1 || end != -1 || !excerpt.isEmpty()) {
        throw new IllegalArgumentException(
            "A finding about the context has start = end = -1 and no excerpt.");
      }
    } else if (start < 0 || end <= start || excerpt.isEmpty()) {
      throw new IllegalArgumentException(
          "A finding in the text needs 0 <= start < end and its excerpt.");
    }
    if (reason.isBlank()) {
      throw new IllegalArgumentException("A finding needs a reason.");
    }
  }

  /** Whether this finding is about the context (start and end are -1). */
  public boolean aboutContext() {
    return kind.aboutContext();
  }
}
