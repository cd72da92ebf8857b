package org.ombuds.retaliation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A retaliation watch agreed with a person of a case: check-in days up to {@code until}. Once the
 * case is destroyed, {@code caseId} and {@code personId} are empty and the rest is kept (the watch
 * outlives the case, knowing nothing of its content).
 */
public record Watch(
    String id,
    Optional<String> caseId,
    Optional<String> personId,
    LocalDate until,
    LocalDate agreedOn,
    Optional<LocalDate> endedOn,
    List<CheckIn> checkIns) {

  public Watch {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(agreedOn, "agreedOn");
    Objects.requireNonNull(endedOn, "endedOn");
    checkIns = List.copyOf(checkIns);
  }

  /** Not ended by an Ombuds, and {@code until} not passed. */
  public boolean active(LocalDate today) {
    return endedOn.isEmpty() && !until.isBefore(today);
  }

  /** Ended early by an Ombuds: its check-ins no longer count. */
  public boolean ended() {
    return endedOn.isPresent();
  }

  public Optional<CheckIn> checkIn(LocalDate date) {
    return checkIns.stream().filter(c -> c.date().equals(date)).findFirst();
  }
}
