package org.ombuds.safeguards;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where pending changes are kept (implemented by the storage adapter). */
public interface ChangeStore {
  void insert(PendingChange change);

  Optional<PendingChange> byId(String id);

  /** Every change still pending, oldest first, then the {@code decided} most recently decided. */
  List<PendingChange> recent(int decided);

  /**
   * Marks a pending change decided.
   *
   * @return false when it was no longer pending (someone decided it first: nothing written)
   */
  boolean decide(String id, ChangeStatus status, String decidedBy, Instant at);
}
