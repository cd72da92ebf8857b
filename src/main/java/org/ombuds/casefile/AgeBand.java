package org.ombuds.casefile;

/** A visitor's age band, for statistics only (never an exact age). */
public enum AgeBand {
  UNDER_25,
  FROM_25_TO_34,
  FROM_35_TO_44,
  FROM_45_TO_54,
  FROM_55
}
