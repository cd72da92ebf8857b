package org.ombuds.retaliation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that needs an Ombuds' attention. It holds no text at all: its kind, its urgency, the
 * case it concerns (empty when none, or once the case was destroyed), the watch it comes from if
 * any, the day it was raised and, once acknowledged, by whom and on which day.
 */
public record Alert(
    String id,
    AlertKind kind,
    boolean urgent,
    Optional<String> caseId,
    Optional<String> watchId,
    LocalDate raisedOn,
    Optional<Acknowledgement> acknowledged) {

  public Alert {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(watchId, "watchId");
    Objects.requireNonNull(raisedOn, "raisedOn");
    Objects.requireNonNull(acknowledged, "acknowledged");
  }

  /** Who acknowledged an alert, and on which day. */
  public record Acknowledgement(String accountId, LocalDate on) {}

  /** True until an Ombuds acknowledges it. */
  public boolean isOpen() {
    return acknowledged.isEmpty();
  }
}
