package org.ombuds.stories;

import java.time.Instant;
import java.util.Optional;
import org.ombuds.mandate.RiskView;

/**
 * A story as the Ombuds sees it. For a story sent for consent, {@code text} is the disclosure's
 * current text: the one the persons concerned consent to.
 *
 * @param disclosureId the mandate's disclosure carrying the story, once sent for consent
 * @param risk the estimate with the whole organization ({@code audience} people) as the audience
 */
public record StoryView(
    String id,
    Optional<String> caseId,
    int version,
    int audience,
    String text,
    Instant createdAt,
    Instant updatedAt,
    StoryStatus status,
    Optional<String> disclosureId,
    RiskView risk) {

  /** The first line of the text, for lists. */
  public String headline() {
    String first = text.strip().lines().findFirst().orElse("").strip();
    return first.length() > 120 ? first.substring(0, 117) + "..." : first;
  }
}
