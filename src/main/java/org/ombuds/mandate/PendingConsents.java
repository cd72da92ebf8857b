package org.ombuds.mandate;

import java.util.List;

/**
 * Consents given elsewhere while the office was locked (the visitor portal's grants), turned into
 * mandate consents by calling {@link Mandate#consent} when an unlocked Ombuds opens or releases a
 * disclosure, before the consents are read.
 */
public interface PendingConsents {
  /**
   * Records the pending consents to {@code disclosureId}, each for the exact version granted, and
   * revokes the consents withdrawn meanwhile.
   */
  void apply(String actorId, String caseId, String disclosureId);

  /**
   * The release found that the estimate got worse than the one {@code personIds} consented on: ask
   * them again, showing the estimate of the moment (inside the release's transaction).
   */
  void estimateChanged(String actorId, String caseId, String disclosureId, List<String> personIds);
}
