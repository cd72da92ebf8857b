package org.ombuds.safeguards;

/** Where a change stands. */
public enum ChangeStatus {
  PENDING,
  /** A second Ombuds confirmed it and it was carried out. */
  APPLIED,
  /** A second Ombuds declined it: nothing was changed. */
  DECLINED,
  /** Whoever asked withdrew it: nothing was changed. */
  CANCELLED
}
