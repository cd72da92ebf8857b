package org.ombuds.casefile;

/** How a case ended, as kept in the statistical record. */
public enum Outcome {
  RESOLVED,
  PARTLY_RESOLVED,
  NOT_RESOLVED,
  REFERRED,
  INFORMATION_ONLY,
  WITHDRAWN,
  OTHER
}
