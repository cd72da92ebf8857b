package org.ombuds.casefile;

/** The visitor's decision on an option. */
public enum Decision {
  PROPOSED,
  ACCEPTED,
  REFUSED
}
