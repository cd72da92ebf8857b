package org.ombuds.anonymity;

/**
 * A detail found in the text, before it becomes a public {@link Finding}: its span in the folded
 * text, what it does to the anonymity set, and the reason shown to people.
 */
record Hit(FindingKind kind, int start, int end, Effect effect, String reason) {

  /** What a detail does to the anonymity set. */
  sealed interface Effect {}

  /**
   * The detail identifies the source: the set becomes 1.
   *
   * @param byName whether it is the source's name or pseudonym (else contact details or numbers)
   */
  record Identifies(boolean byName) implements Effect {}

  /** The detail names someone who is not the source, who is thereby ruled out as the source. */
  record RulesOut(int person) implements Effect {}

  /** At most {@code max} people fit the detail. */
  record Caps(int max, Basis basis) implements Effect {}

  /**
   * The detail tells a group whose size is not recorded: the set is halved once per {@code key}.
   */
  record Halves(String key, Basis basis) implements Effect {}

  /**
   * A date or a time: the set is halved once per distinct {@code key}.
   *
   * @param time whether it is a time of day rather than a day
   * @param word whether it is written in words ("Tuesday", "yesterday") rather than digits and
   *     month names ("2 March"); a word next to a date is part of it ("Tuesday, 2 March")
   */
  record Dated(String key, boolean time, boolean word) implements Effect {}

  /** Why a cap or a halving applies, for the suggestions. */
  enum Basis {
    GENDER,
    ROLE,
    GROUP,
    SINGLING,
    LEAVE
  }
}
