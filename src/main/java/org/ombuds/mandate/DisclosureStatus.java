package org.ombuds.mandate;

/** Where a disclosure stands: a draft can be edited, consented to, released or withdrawn. */
public enum DisclosureStatus {
  DRAFT,
  RELEASED,
  WITHDRAWN
}
