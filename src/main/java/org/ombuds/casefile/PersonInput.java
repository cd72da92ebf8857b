package org.ombuds.casefile;

import java.util.Optional;

/**
 * A person to add to a case. The name is optional: visitors may stay anonymous.
 *
 * @param confidant whether the person spoke to the office in confidence (always true for a visitor)
 */
public record PersonInput(
    PersonRole role,
    Optional<String> name,
    Optional<ContractType> contractType,
    Optional<Gender> gender,
    Optional<AgeBand> ageBand,
    boolean confidant) {
  public static final int MAX_NAME = 200;

  /** A person who is a confidant only if a visitor. */
  public PersonInput(
      PersonRole role,
      Optional<String> name,
      Optional<ContractType> contractType,
      Optional<Gender> gender,
      Optional<AgeBand> ageBand) {
    this(role, name, contractType, gender, ageBand, false);
  }

  public PersonInput {
    confidant = confidant || role == PersonRole.VISITOR;
    name = name.map(String::strip).filter(n -> !n.isEmpty());
    if (name.isPresent() && name.get().length() > MAX_NAME) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "The name is too long: at most " + MAX_NAME + " characters.");
    }
    if (role != PersonRole.VISITOR
        && (contractType.isPresent() || gender.isPresent() || ageBand.isPresent())) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "Contract type, gender and age band are kept for visitors only (for statistics).");
    }
  }
}
