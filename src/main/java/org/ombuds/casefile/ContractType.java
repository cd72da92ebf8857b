package org.ombuds.casefile;

/** A visitor's contract type, for statistics only. */
public enum ContractType {
  STAFF,
  FELLOW,
  STUDENT,
  USER,
  CONTRACTOR,
  OTHER
}
