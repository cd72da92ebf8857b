package org.ombuds.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ombuds.mandate.RiskView;

/** What the portal shows, to visitors and to the Ombuds. Plain values. */
public final class Views {
  private Views() {}

  /** Who wrote a message. */
  public enum Author {
    VISITOR,
    OMBUDS
  }

  /** What a message is. */
  public enum Kind {
    MESSAGE,
    RETALIATION
  }

  /** The visitor's preferred kind of first meeting. */
  public enum Meeting {
    IN_PERSON,
    PHONE,
    VIDEO,
    WRITING
  }

  /** One message of a thread; its date is only the day. */
  public record Message(String id, Author author, Kind kind, LocalDate day, String text) {}

  /** A thread as its visitor sees it. */
  public record VisitorThread(
      String id, boolean linkedToCase, List<Message> messages, List<ConsentRequest> requests) {}

  /** What a visitor gave on first contact besides the message, all optional. */
  public record Contact(
      String message, Optional<String> name, Optional<String> reachAt, Optional<Meeting> meeting) {}

  /** The state of a consent request. */
  public enum RequestStatus {
    PENDING,
    GRANTED,
    DECLINED,
    APPLIED,
    OUTDATED,
    /** Withdrawn by the visitor before release. */
    REVOKED
  }

  /**
   * A draft shown to a visitor: exactly what would leave the office, the anonymity estimate (level,
   * anonymity set, the findings as the Ombuds sees them, and in plain words the reasons and
   * suggestions) and the version consent would be for; whether the visitor can still withdraw their
   * consent to it.
   */
  public record ConsentRequest(
      String disclosureId,
      int version,
      RequestStatus status,
      String recipient,
      String identity,
      String channel,
      String text,
      String riskLevel,
      int anonymitySet,
      List<RiskView.FindingView> findings,
      List<String> reasons,
      boolean revocable) {}

  /** One line of the Ombuds' inbox (no content beyond the optional name the visitor gave). */
  public record InboxEntry(
      String id,
      Optional<String> name,
      Optional<String> caseId,
      Optional<String> personId,
      LocalDate openedDay,
      boolean unread,
      int messages,
      boolean tampered) {

    /**
     * A thread whose row does not match its authentication tag: listed, never opened, and nothing
     * it holds (name, case, day) is shown, since none of it can be trusted.
     */
    public static InboxEntry tampered(String id) {
      return new InboxEntry(
          id,
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          LocalDate.EPOCH,
          false,
          0,
          true);
    }
  }

  /** A thread as the Ombuds reads it. */
  public record OmbudsThread(
      String id,
      Optional<String> name,
      Optional<String> reachAt,
      Optional<Meeting> meeting,
      Optional<String> caseId,
      Optional<String> personId,
      LocalDate openedDay,
      List<Message> messages) {}
}
