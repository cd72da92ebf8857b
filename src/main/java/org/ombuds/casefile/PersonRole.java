package org.ombuds.casefile;

/** How a person figures in a case. */
public enum PersonRole {
  VISITOR,
  OTHER_PARTY,
  MANAGER,
  WITNESS
}
