package org.ombuds.casefile;

/** A visitor's gender as they give it, for statistics only. */
public enum Gender {
  WOMAN,
  MAN,
  OTHER,
  UNDISCLOSED
}
