package org.ombuds.portal;

import java.util.Optional;

/**
 * Where the portal tells the Ombuds that something needs attention: the retaliation module's
 * alerts. Never given content, only the kind and the case id when the thread is linked to one. Must
 * work while the office is locked.
 */
public interface AlertSink {
  /** A visitor reported retaliation: urgent. */
  void retaliationReported(Optional<String> caseId);

  /** A visitor wrote a new message: not urgent. */
  void messageArrived(Optional<String> caseId);

  /** Raises nothing (for tests that do not look at alerts). */
  AlertSink NONE =
      new AlertSink() {
        @Override
        public void retaliationReported(Optional<String> caseId) {}

        @Override
        public void messageArrived(Optional<String> caseId) {}
      };
}
