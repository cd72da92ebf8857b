package org.ombuds.audit;

import java.util.ArrayList;
import java.util.List;

/** Holds after-commit actions until the test commits, rolls back or "crashes". */
final class DeferredAfterCommit implements AfterCommit {
  private final List<Runnable> pending = new ArrayList<>();

  @Override
  public synchronized void run(Runnable action) {
    pending.add(action);
  }

  /** The transaction committed: runs the actions in order. */
  synchronized void commit() {
    List<Runnable> actions = new ArrayList<>(pending);
    pending.clear();
    actions.forEach(Runnable::run);
  }

  /** Runs the actions in reverse order, as concurrent transactions may. */
  synchronized void commitInReverseOrder() {
    List<Runnable> actions = new ArrayList<>(pending).reversed();
    pending.clear();
    actions.forEach(Runnable::run);
  }

  /** The transaction rolled back, or the process crashed before the actions ran. */
  synchronized void discard() {
    pending.clear();
  }
}
