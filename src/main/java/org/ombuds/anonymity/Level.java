package org.ombuds.anonymity;

/**
 * How easily the recipient of an anonymous message could guess who its source is, in three steps an
 * Ombuds and a visitor can act on. Declared from the least to the most risky, so {@link #compareTo}
 * orders by risk.
 */
public enum Level {
  /** Many people in the unit fit what the message and its context reveal. */
  LOW,
  /** Only a few people fit, or the context (a small unit, timing, earlier messages) helps guess. */
  MEDIUM,
  /** The recipient could probably guess, or knows, who the source is. */
  HIGH;

  /** The riskier of this level and {@code other}. */
  public Level atLeast(Level other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
