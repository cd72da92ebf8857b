package org.ombuds.anonymity;

import java.time.Duration;
import java.util.Objects;

/**
 * The office's thresholds for the estimate. {@link #DEFAULTS} are the values argued below; an
 * office may choose stricter ones, never looser ({@link #isAtLeastAsStrictAs}).
 *
 * <h2>Why the defaults</h2>
 *
 * <ul>
 *   <li>{@code highWhenSetAtMost = 2}: with two people who fit, a guess is right at least half the
 *       time, and the two usually know which of them spoke. That is not anonymity.
 *   <li>{@code mediumWhenSetAtMost = 5}: the k-anonymity convention (k = 5, a 1-in-5 or 20 % chance
 *       of a right guess) that statistical offices use as the smallest cell they publish and that
 *       re-identification guidance (El Emam and Dankar) gives as the usual upper bound of risk for
 *       data shared beyond a trusted circle. Between 3 and 5 a guess is right 20-33 % of the time:
 *       worth a warning, and worth trying a more general wording.
 *   <li>{@code smallUnitAtMost = 10}: in a group of ten or fewer everybody knows everybody's
 *       schedules, moods and grievances, so the recipient may guess from who was recently unhappy
 *       or absent even when the text says nothing (the reference story: "knowing that in a small
 *       group she might still be guessed"). Small-cell rules of health statistics suppress counts
 *       below 11 for the same reason.
 *   <li>{@code repeatedReleasesAtLeast = 1}: any earlier message about the same unit to the same
 *       recipient can be read together with this one; details that are harmless alone narrow the
 *       source down when combined.
 *   <li>{@code soonAfterContact = 14 days}: colleagues remember for a week or two who left a
 *       meeting early, took a long lunch or was seen near the office; a message in that window is
 *       easily linked to the visit. This is a judgement, not data: offices may change it.
 * </ul>
 *
 * @param highWhenSetAtMost the level is HIGH when at most this many people fit (at least 1)
 * @param mediumWhenSetAtMost the level is at least MEDIUM when at most this many people fit (at
 *     least {@code highWhenSetAtMost})
 * @param smallUnitAtMost a unit of at most this size is small: a finding, and at least MEDIUM
 * @param repeatedReleasesAtLeast this many recent releases to the same recipient about the same
 *     unit make a finding, and at least MEDIUM (at least 1)
 * @param soonAfterContact a release within this time of the source's last contact makes a finding,
 *     and at least MEDIUM (not negative)
 */
public record Thresholds(
    int highWhenSetAtMost,
    int mediumWhenSetAtMost,
    int smallUnitAtMost,
    int repeatedReleasesAtLeast,
    Duration soonAfterContact) {

  /** The defaults argued above: 2, 5, 10, 1 and 14 days. */
  public static final Thresholds DEFAULTS = new Thresholds(2, 5, 10, 1, Duration.ofDays(14));

  public Thresholds {
    Objects.requireNonNull(soonAfterContact, "soonAfterContact");
    if (highWhenSetAtMost < 1) {
      throw new IllegalArgumentException("highWhenSetAtMost must be at least 1.");
    }
    if (mediumWhenSetAtMost < highWhenSetAtMost) {
      throw new IllegalArgumentException("mediumWhenSetAtMost must be at least highWhenSetAtMost.");
    }
    if (smallUnitAtMost < 0) {
      throw new IllegalArgumentException("smallUnitAtMost cannot be negative.");
    }
    if (repeatedReleasesAtLeast < 1) {
      throw new IllegalArgumentException("repeatedReleasesAtLeast must be at least 1.");
    }
    if (soonAfterContact.isNegative()) {
      throw new IllegalArgumentException("soonAfterContact cannot be negative.");
    }
  }

  /**
   * True when these thresholds flag at least everything {@code other} flags: each HIGH, MEDIUM,
   * small-unit, repeated-release and soon-after-contact bound is the same or stricter.
   */
  public boolean isAtLeastAsStrictAs(Thresholds other) {
    return highWhenSetAtMost >= other.highWhenSetAtMost
        && mediumWhenSetAtMost >= other.mediumWhenSetAtMost
        && smallUnitAtMost >= other.smallUnitAtMost
        && repeatedReleasesAtLeast <= other.repeatedReleasesAtLeast
        && soonAfterContact.compareTo(other.soonAfterContact) >= 0;
  }

  /** The level an anonymity set of {@code size} people gives, before context findings. */
  public Level levelFor(int size) {
    if (size <= highWhenSetAtMost) {
      return Level.HIGH;
    }
    return size <= mediumWhenSetAtMost ? Level.MEDIUM : Level.LOW;
  }
}
