package org.ombuds.stories;

/** Where a story stands on its way out. */
public enum StoryStatus {
  /** Being written; a story without a case stays here (it is checked at each export). */
  DRAFT,
  /** Sent to the persons concerned: a disclosure of the mandate awaits their consent. */
  AWAITING_CONSENT,
  /** Released through the mandate: the consented text can be exported. */
  RELEASED,
  /** The disclosure that carried it was withdrawn; sending it again makes a new one. */
  WITHDRAWN
}
