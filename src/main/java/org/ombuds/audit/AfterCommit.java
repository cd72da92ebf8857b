package org.ombuds.audit;

/**
 * Runs an action once the surrounding database transaction has committed.
 *
 * <p>Supplied by the storage layer. {@link AuditLog#append} inserts an entry in the caller's
 * transaction and uses this to move the head outside the database only once the entry is durable,
 * so that a rolled-back transaction never leaves a head pointing at an entry that does not exist.
 * If the transaction rolls back the action must not run. Outside a transaction (and in tests)
 * {@code Runnable::run} is a valid implementation.
 */
@FunctionalInterface
public interface AfterCommit {

  /** Runs {@code action} after the current transaction commits, or never if it rolls back. */
  void run(Runnable action);
}
