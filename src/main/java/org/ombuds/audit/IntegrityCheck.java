package org.ombuds.audit;

import java.util.List;
import java.util.Objects;

/**
 * One check of data that a database administrator can edit but must not change undetected: the
 * audit log, and any other table whose rows are authenticated with a key kept outside the database.
 * {@code ombuds audit verify} runs every check the office has, in order, and reports the first that
 * finds tampering; a check must report every edit it can see as {@link Verification.Tampered}
 * (naming the first bad row), never throw because of what a row holds.
 */
public interface IntegrityCheck {

  /** What is checked, in plain words ("audit log"), for the report. */
  String what();

  /** Checks everything this check covers. */
  Verification verify();

  /** The outcome of {@link #verifyAll}: the check that failed first, or none. */
  record Report(List<Outcome> outcomes) {
    public Report {
      outcomes = List.copyOf(outcomes);
    }

    /** True when every check passed. */
    public boolean intact() {
      return outcomes.stream().allMatch(o -> o.result().isIntact());
    }
  }

  /**
   * What one check found.
   *
   * @param what the check's {@link IntegrityCheck#what()}
   * @param result its verification
   */
  record Outcome(String what, Verification result) {
    public Outcome {
      Objects.requireNonNull(what, "what");
      Objects.requireNonNull(result, "result");
    }
  }

  /** Runs {@code checks} in order, stopping at the first that finds tampering. */
  static Report verifyAll(List<IntegrityCheck> checks) {
    List<Outcome> done = new java.util.ArrayList<>();
    for (IntegrityCheck c : checks) {
      Verification v = c.verify();
      done.add(new Outcome(c.what(), v));
      if (!v.isIntact()) {
        break;
      }
    }
    return new Report(done);
  }
}
