package org.ombuds.anonymity;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the estimate knows besides the text: the case's people, the work unit the message is about,
 * and the message's history and timing. Times are given as durations computed by the caller from
 * its own clock, so the estimate never reads the time itself.
 *
 * @param persons the case's people whose names and pseudonyms may appear in the text
 * @param unitSize how many people the unit has (at least 1): the largest possible anonymity set
 * @param composition counts of the unit's members by group (may be empty); the counts of one
 *     dimension add up to at most {@code unitSize}
 * @param recentReleasesToSameRecipientAboutUnit how many messages about the same unit this
 *     recipient already received within the office's recent window
 * @param sinceSourceLastContact how long before this message's release the source last contacted
 *     the office, when known
 */
public record Context(
    List<Person> persons,
    int unitSize,
    List<Group> composition,
    int recentReleasesToSameRecipientAboutUnit,
    Optional<Duration> sinceSourceLastContact) {

  /** The largest unit the office records (as {@code casefile.WorkUnit}). */
  public static final int MAX_UNIT_SIZE = 1_000_000;

  /** Longer lists are refused: they are not a case's people or a unit's composition. */
  public static final int MAX_ENTRIES = 200;

  public Context {
    persons = List.copyOf(persons);
    composition = List.copyOf(composition);
    Objects.requireNonNull(sinceSourceLastContact, "sinceSourceLastContact");
    if (unitSize < 1 || unitSize > MAX_UNIT_SIZE) {
      throw new IllegalArgumentException(
          "The unit's size must be between 1 and " + MAX_UNIT_SIZE + ".");
    }
    if (persons.size() > MAX_ENTRIES || composition.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "At most " + MAX_ENTRIES + " persons and " + MAX_ENTRIES + " composition counts.");
    }
    Map<String, Integer> perDimension = new HashMap<>();
    for (Group g : composition) {
      int total =
          perDimension.merge(g.dimension().toLowerCase(Locale.ROOT), g.count(), Integer::sum);
      if (total > unitSize) {
        throw new IllegalArgumentException(
            "The counts for '" + g.dimension() + "' add up to more than the unit's size.");
      }
    }
    if (recentReleasesToSameRecipientAboutUnit < 0) {
      throw new IllegalArgumentException("The number of earlier releases cannot be negative.");
    }
    if (sinceSourceLastContact.filter(Duration::isNegative).isPresent()) {
      throw new IllegalArgumentException("The time since the source's contact cannot be negative.");
    }
  }

  /** A context with no persons, no composition, no earlier releases and no known contact. */
  public static Context ofUnit(int unitSize) {
    return new Context(List.of(), unitSize, List.of(), 0, Optional.empty());
  }
}
