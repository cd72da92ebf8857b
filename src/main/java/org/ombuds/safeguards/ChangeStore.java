package org.ombuds.safeguards;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where pending changes are kept (implemented by the storage adapter). Every change it hands back
 * is one the application wrote: a row edited or made up in the database is refused (or, in {@link
 * #recent}, set apart), never read as a change.
 */
public interface ChangeStore {
  void insert(PendingChange change);

  /**
   * @throws org.ombuds.common.TamperedRowException when the change's row was altered in the
   *     database
   */
  Optional<PendingChange> byId(String id);

  /** Every change still pending, oldest first, then the {@code decided} most recently decided. */
  ChangeList recent(int decided);

  /**
   * Marks a pending change decided, after checking in the same transaction that its row is the one
   * the application wrote.
   *
   * @return false when it was no longer pending (someone decided it first: nothing written)
   * @throws org.ombuds.common.TamperedRowException when the change's row was altered in the
   *     database (nothing written)
   */
  boolean decide(String id, ChangeStatus status, String decidedBy, Instant at);

  /**
   * The changes, split: those whose rows are sound, and the ids of those whose rows fail their
   * authentication tag (altered in the database), which nothing may show, confirm or apply.
   */
  record ChangeList(List<PendingChange> sound, List<String> tampered) {
    public ChangeList {
      sound = List.copyOf(sound);
      tampered = List.copyOf(tampered);
    }
  }
}
