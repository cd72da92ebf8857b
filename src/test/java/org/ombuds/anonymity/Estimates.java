package org.ombuds.anonymity;

import java.util.List;
import java.util.Optional;

/** Short ways to build contexts and run the estimator in tests. */
final class Estimates {
  private Estimates() {}

  static final AnonymityEstimator ESTIMATOR = new AnonymityEstimator();

  static Context unit(int size, Group... composition) {
    return new Context(List.of(), size, List.of(composition), 0, Optional.empty());
  }

  static Context unit(int size, List<Person> persons, Group... composition) {
    return new Context(persons, size, List.of(composition), 0, Optional.empty());
  }

  static Estimate estimate(String text, Context context) {
    return ESTIMATOR.estimate(text, context);
  }

  static List<Finding> found(String text, Context context, FindingKind kind) {
    return estimate(text, context).findings().stream().filter(f -> f.kind() == kind).toList();
  }

  static List<String> excerpts(String text, Context context, FindingKind kind) {
    return found(text, context, kind).stream().map(Finding::excerpt).toList();
  }
}
