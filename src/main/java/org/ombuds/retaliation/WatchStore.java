package org.ombuds.retaliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where watches and their check-ins are kept (the storage adapter implements it). No text. */
public interface WatchStore {

  void insert(Watch watch);

  Optional<Watch> find(String id);

  /** The case's watches, newest first. */
  List<Watch> byCase(String caseId);

  /** Every watch not ended by an Ombuds, newest first, including those past their end day. */
  List<Watch> notEnded();

  /** Marks a check-in done; false when it was already done (nothing changes then). */
  boolean markDone(String watchId, LocalDate date, LocalDate on);

  /** Ends a watch; false when it had already ended. */
  boolean end(String watchId, LocalDate on);

  /** A check-in due on or before a day, not done, not yet alerted, of a watch not ended. */
  record Due(String watchId, Optional<String> caseId, LocalDate date) {}

  List<Due> dueNotAlerted(LocalDate today);

  /** Records that a check-in's alert was raised; false when it already was. */
  boolean markAlerted(String watchId, LocalDate date);
}
