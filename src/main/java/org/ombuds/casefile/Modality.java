package org.ombuds.casefile;

/** How a contact with the visitor took place. */
public enum Modality {
  IN_PERSON,
  PHONE,
  VIDEO,
  EMAIL,
  PORTAL
}
