package org.ombuds.casefile;

/** The options an Ombuds explores with a visitor. */
public enum OptionKind {
  /** The visitor speaks with the other party. */
  SPEAK_TO_OTHER_PARTY,
  /** The Ombuds discusses the matter with a named person, with the visitor's permission. */
  DISCUSS_WITH_PERMISSION,
  /** The Ombuds raises the matter without naming the visitor. */
  RAISE_ANONYMOUSLY,
  /** Referral to a formal channel. */
  FORMAL_REFERRAL,
  /** No action. */
  NO_ACTION
}
