package org.ombuds.retaliation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One agreed check-in day of a watch: done (on which day) or not, and whether its due alert was
 * raised.
 */
public record CheckIn(LocalDate date, Optional<LocalDate> doneOn, boolean alerted) {
  public CheckIn {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(doneOn, "doneOn");
  }

  public boolean done() {
    return doneOn.isPresent();
  }

  /** Not done, and its day has passed. */
  public boolean overdue(LocalDate today) {
    return !done() && date.isBefore(today);
  }
}
