package org.ombuds.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The work unit a case concerns: its name, how many people it has and, optionally, how they are
 * composed (counts only, never names: for example {@code gender/women = 2}), which the anonymity
 * estimate uses.
 */
public record WorkUnit(String name, int size, List<Count> composition) {
  public static final int MAX_SIZE = 1_000_000;

  /** How many members of the unit belong to {@code group} along {@code dimension}. */
  public record Count(String dimension, String group, int count) {
    public Count {
      if (dimension == null || dimension.isBlank() || dimension.length() > 40) {
        throw new CaseException(
            CaseException.Reason.INVALID,
            "A composition dimension needs a short name (at most 40 characters).");
      }
      if (group == null || group.isBlank() || group.length() > 40) {
        throw new CaseException(
            CaseException.Reason.INVALID,
            "A composition group needs a short name (at most 40 characters).");
      }
      if (count < 0) {
        throw new CaseException(
            CaseException.Reason.INVALID, "A composition count cannot be negative.");
      }
      dimension = dimension.strip();
      group = group.strip();
    }
  }

  public WorkUnit(String name, int size) {
    this(name, size, List.of());
  }

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
    composition = List.copyOf(composition);
    if (composition.size() > 50) {
      throw new CaseException(CaseException.Reason.INVALID, "At most 50 composition counts.");
    }
    Map<String, Integer> perDimension = new HashMap<>();
    for (Count c : composition) {
      int total = perDimension.merge(c.dimension(), c.count(), Integer::sum);
      if (total > size) {
        throw new CaseException(
            CaseException.Reason.INVALID,
            "The counts for '"
                + c.dimension()
                + "' add up to more than the unit's size ("
                + size
                + ").");
      }
    }
    name = name.strip();
  }
}
