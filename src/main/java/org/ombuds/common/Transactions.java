package org.ombuds.common;

import java.util.function.Supplier;

/**
 * Runs work atomically against the office's database. Implemented by the storage adapter; domain
 * services use it so that a change and its audit entry commit together or not at all.
 */
public interface Transactions {

  /** Runs {@code work} in one transaction, joining an enclosing one on the same thread. */
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code work}, a sequence of reads, on one database connection instead of one per query
   * (joining an enclosing transaction or read on the same thread). It is not a transaction: each
   * read sees what was committed when it ran. Writes inside it still need {@link #inTransaction}.
   */
  default <T> T reading(Supplier<T> work) {
    return work.get();
  }

  /** Runs {@code work} in one transaction, joining an enclosing one on the same thread. */
  default void run(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs {@code action} once the current transaction has committed (at once if there is none). An
   * action never runs for a transaction that rolled back.
   */
  void afterCommit(Runnable action);
}
