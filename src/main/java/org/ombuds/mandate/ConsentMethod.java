package org.ombuds.mandate;

/** How a consent was given: in person (recorded by the Ombuds) or in the visitor portal. */
public enum ConsentMethod {
  IN_PERSON,
  PORTAL
}
