package org.ombuds.mandate;

import java.util.List;

/**
 * How exposed an anonymous source is according to one anonymity estimate: its level and the size of
 * its anonymity set (how many members of the unit fit what the text reveals). A consent records the
 * exposure the person was shown; the release compares it with the exposure of the moment.
 */
public record Exposure(String level, int anonymitySet) {
  private static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH");

  public Exposure {
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException("Unknown risk level");
    }
  }

  /** The exposure of an estimate. */
  public static Exposure of(RiskView risk) {
    return new Exposure(risk.level(), risk.anonymitySet());
  }

  /**
   * Whether this exposure is worse than {@code shown}: a higher level, or fewer people who fit. A
   * consent given on {@code shown} does not cover a worse exposure: the person must see it again.
   */
  public boolean isWorseThan(Exposure shown) {
    return LEVELS.indexOf(level) > LEVELS.indexOf(shown.level) || anonymitySet < shown.anonymitySet;
  }

  @Override
  public String toString() {
    return level + "/" + anonymitySet;
  }
}
