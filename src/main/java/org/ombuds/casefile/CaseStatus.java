package org.ombuds.casefile;

/** Whether a case is open or closed. */
public enum CaseStatus {
  OPEN,
  CLOSED
}
