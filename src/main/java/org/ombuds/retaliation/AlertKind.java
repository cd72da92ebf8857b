package org.ombuds.retaliation;

/**
 * Why an alert was raised. The name is stored and audited, so a constant must never be renamed or
 * removed once released; add new kinds at the end.
 */
public enum AlertKind {
  /** A visitor reported retaliation through the portal. */
  RETALIATION_REPORTED,
  /** A visitor wrote a new message in the portal. */
  PORTAL_MESSAGE,
  /** A check-in agreed in a retaliation watch is due. */
  CHECK_IN_DUE,
  /**
   * The exit check refused a colleague's text because it names a person of this case, from which
   * the colleague is recused (they were told nothing of it): someone may be probing the case file.
   */
  EXIT_CHECK_MATCH
}
