package org.ombuds.mandate;

/**
 * Consents given elsewhere while the office was locked (the visitor portal's grants), turned into
 * mandate consents by calling {@link Mandate#consent} when an unlocked Ombuds opens or releases a
 * disclosure, before the consents are read.
 */
@FunctionalInterface
public interface PendingConsents {
  /**
   * Records the pending consents to {@code disclosureId}, each for the exact version granted, and
   * revokes the consents withdrawn meanwhile.
   */
  void apply(String actorId, String caseId, String disclosureId);
}
