package org.ombuds.anonymity;

import java.util.Objects;

/**
 * How many members of the work unit belong to one group along one dimension: counts only, never
 * names. For example {@code ("gender", "women", 2)}, {@code ("seniority", "senior", 3)}, {@code
 * ("role", "interns", 1)} or {@code ("shift", "night", 2)}.
 *
 * <p>Dimensions named {@code gender}, {@code sex}, {@code sexe} or {@code genre} are matched
 * against gendered words; any other dimension against role and seniority words and the group's own
 * name (see {@link AnonymityEstimator}).
 */
public record Group(String dimension, String group, int count) {
  public Group {
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(group, "group");
    if (dimension.isBlank() || group.isBlank()) {
      throw new IllegalArgumentException("A group needs a dimension and a name.");
    }
    if (dimension.length() > 80 || group.length() > 80) {
      throw new IllegalArgumentException("Dimensions and group names have at most 80 characters.");
    }
    if (count < 0) {
      throw new IllegalArgumentException("A group's count cannot be negative.");
    }
    dimension = dimension.strip();
    group = group.strip();
  }
}
