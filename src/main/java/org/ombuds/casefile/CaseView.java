package org.ombuds.casefile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A case as an Ombuds sees it, decrypted, in memory only. {@code destroyAfter} is set once the case
 * is closed: when its content will be (or was) destroyed.
 */
public record CaseView(
    String id,
    String title,
    CaseStatus status,
    Instant openedAt,
    Optional<Instant> closedAt,
    int version,
    String handlerId,
    List<String> categories,
    WorkUnit workUnit,
    Optional<Outcome> outcome,
    List<PersonView> persons,
    List<NoteView> notes,
    List<ContactView> contacts,
    List<OptionView> options,
    List<ReminderView> reminders,
    Optional<Instant> destroyAfter) {

  /** True while the case is open. */
  public boolean isOpen() {
    return status == CaseStatus.OPEN;
  }

  /**
   * A person of the case.
   *
   * @param confidant whether the person confided in the office about the case: always true for a
   *     visitor, and for anyone else the Ombuds marked as having spoken in confidence. Every
   *     confidant is among the persons concerned of every communication about the case.
   */
  public record PersonView(
      String id,
      PersonRole role,
      Optional<String> name,
      String pseudonym,
      Optional<ContractType> contractType,
      Optional<Gender> gender,
      Optional<AgeBand> ageBand,
      boolean confidant) {
    public PersonView {
      confidant = confidant || role == PersonRole.VISITOR;
    }

    /** A person who is a confidant only if a visitor. */
    public PersonView(
        String id,
        PersonRole role,
        Optional<String> name,
        String pseudonym,
        Optional<ContractType> contractType,
        Optional<Gender> gender,
        Optional<AgeBand> ageBand) {
      this(id, role, name, pseudonym, contractType, gender, ageBand, false);
    }
  }

  /**
   * The ids of the persons who confided in the office: every visitor and every marked confidant.
   */
  public java.util.List<String> confidants() {
    return persons.stream().filter(PersonView::confidant).map(PersonView::id).toList();
  }

  /** A note. */
  public record NoteView(String id, Instant createdAt, String authorId, String text) {}

  /** A contact with the visitor. */
  public record ContactView(
      String id, LocalDate date, Modality modality, int minutes, Optional<String> text) {}

  /** An option explored with the visitor, with the visitor's decision. */
  public record OptionView(
      String id, OptionKind kind, Decision decision, Optional<String> reason) {}

  /** A reminder with its due date. */
  public record ReminderView(String id, String caseId, LocalDate due, String text, boolean done) {}
}
