package org.ombuds.casefile;

/** The work unit a case concerns: its name and how many people it has. */
public record WorkUnit(String name, int size) {
  public static final int MAX_SIZE = 1_000_000;

  public WorkUnit {
    if (name == null || name.isBlank()) {
      throw new CaseException(CaseException.Reason.INVALID, "The work unit needs a name.");
    }
    if (name.length() > 200) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "The work unit's name is too long: at most 200 characters.");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "The work unit's size must be between 1 and " + MAX_SIZE + ".");
    }
    name = name.strip();
  }
}
