package org.ombuds.portal;

import java.util.Optional;

/**
 * Where the portal tells the Ombuds that something needs attention: the retaliation module's
 * alerts. Never given content, only the kind and the case id when the thread is linked to one. Must
 * work while the office is locked.
 */
public interface AlertSink {
  /**
   * A visitor reported retaliation: urgent.
   *
   * @return the new alert's id
   */
  String retaliationReported(Optional<String> caseId);

  /**
   * A visitor wrote a new message: not urgent.
   *
   * @return the new alert's id
   */
  String messageArrived(Optional<String> caseId);

  /** Whether the alert is still open (not yet acknowledged by an Ombuds). */
  boolean isOpen(String alertId);

  /** Raises nothing (for tests that do not look at alerts). */
  AlertSink NONE =
      new AlertSink() {
        @Override
        public String retaliationReported(Optional<String> caseId) {
          return "";
        }

        @Override
        public String messageArrived(Optional<String> caseId) {
          return "";
        }

        @Override
        public boolean isOpen(String alertId) {
          return false;
        }
      };
}
