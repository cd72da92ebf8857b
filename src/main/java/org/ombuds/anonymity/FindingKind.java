package org.ombuds.anonymity;

/**
 * What a {@link Finding} is about. The first kinds are details found in the text; the last three
 * ({@link #SMALL_UNIT}, {@link #REPEATED_RECIPIENT}, {@link #SOON_AFTER_CONTACT}) are about the
 * message's context and have no place in the text.
 */
public enum FindingKind {
  /** A name, first name or surname of a person of the case (source or not). */
  NAME,
  /** The office's pseudonym of a person of the case ({@code Jane*}). */
  PSEUDONYM,
  /** An e-mail address, also written {@code jane [at] example.org}, or an account handle. */
  EMAIL,
  /** A phone number or an internal extension. */
  PHONE,
  /** A badge, employee, staff, identity, social security or bank account number. */
  ID_NUMBER,
  /** A date, a weekday, a relative day ("yesterday") or a time of day. */
  DATE,
  /** A word that tells a person's gender ("she", "his", "woman", "madame"). */
  GENDERED_WORD,
  /**
   * A word that tells a person's seniority, role or another group of the unit's recorded
   * composition ("junior", "the intern", "new hire", "night shift").
   */
  SENIORITY_WORD,
  /** A description that fits one or two people ("the only woman", "her office", "aged 54"). */
  SINGLING_OUT,
  /** The unit is small enough that its members can guess without any detail. */
  SMALL_UNIT,
  /** The same recipient had other recent messages about the same unit. */
  REPEATED_RECIPIENT,
  /** The message would follow the source's last contact with the office closely. */
  SOON_AFTER_CONTACT;

  /** Whether findings of this kind are about the context rather than a span of the text. */
  public boolean aboutContext() {
    return this == SMALL_UNIT || this == REPEATED_RECIPIENT || this == SOON_AFTER_CONTACT;
  }
}
