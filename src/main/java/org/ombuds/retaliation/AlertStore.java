package org.ombuds.retaliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where alerts are kept (the storage adapter implements it). Rows hold no text. */
public interface AlertStore {

  /** Stores a new, open alert; it is numbered after every alert stored before it. */
  void insert(Alert alert);

  /** The open alerts, newest first. */
  List<Alert> open();

  Optional<Alert> find(String id);

  /** Marks an open alert acknowledged; false when it was not open (nothing changes then). */
  boolean acknowledge(String id, String accountId, LocalDate on);

  /** True when a case with this id exists (closed or not), so an alert may name it. */
  boolean caseExists(String caseId);
}
