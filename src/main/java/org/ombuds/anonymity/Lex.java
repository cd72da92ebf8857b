package org.ombuds.anonymity;

/** What a word or phrase of the {@link Lexicon} tells the recipient. */
sealed interface Lex {

  /** A word that tells a person's gender. */
  record Gendered(Sex sex) implements Lex {}

  /** A word that tells a person's seniority or role. */
  record Role(RoleClass role) implements Lex {}

  /**
   * A description that fits few people.
   *
   * @param cap at most this many people fit it
   * @param nounWindow when positive, the phrase only counts if a word for a person follows within
   *     this many words ("the only woman", "the new colleague"; not "the only way", "the new
   *     rules")
   * @param unlessThing whether the phrase does not count when a word for a thing follows it ("the
   *     oldest machine"; "the oldest" alone, or "the oldest member", counts)
   * @param kind what the reason says about it
   */
  record Singling(int cap, int nounWindow, boolean unlessThing, SinglingKind kind) implements Lex {}

  /**
   * A day or time given in words ("yesterday", "last Tuesday", "noon").
   *
   * @param time whether it is a time of day ("noon") rather than a day
   */
  record DateWord(boolean time) implements Lex {}

  /** A phrase that looks like one of the others but is not ("he or she", "Dear Sir", "il faut"). */
  record Ignore() implements Lex {}

  /** The two genders that pronouns tell. */
  enum Sex {
    FEMALE,
    MALE
  }

  /** How a singling-out phrase narrows the source down, for its reason. */
  enum SinglingKind {
    /** Describes exactly one person ("the only ...", "the youngest", "the person who ..."). */
    ONE,
    /** Points at one or two people ("the new ...", "her office", "sits next to", an exact age). */
    FEW,
    /** Leave and health details that a manager can match to the few people concerned. */
    LEAVE
  }

  /** Role and seniority classes, matched against the unit's composition. */
  enum RoleClass {
    SENIOR,
    JUNIOR,
    INTERN,
    TRAINEE,
    NEW_HIRE,
    STUDENT,
    POSTDOC,
    TEMPORARY,
    PART_TIME
  }
}
