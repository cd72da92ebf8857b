package org.ombuds.casefile;

/** A case request that cannot be carried out as asked; the message is for the person who asked. */
public class CaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal, for mapping to an answer. */
  public enum Reason {
    INVALID,
    NOT_FOUND,
    CLOSED,
    CONFLICT,
    LOCKED
  }

  private final Reason reason;

  public CaseException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
