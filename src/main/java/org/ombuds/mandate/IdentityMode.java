package org.ombuds.mandate;

/** Whether a communication names its source or is meant to be anonymous. */
public enum IdentityMode {
  NAMED,
  ANONYMOUS
}
