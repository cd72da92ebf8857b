package org.ombuds.records;

/**
 * A report request that cannot be carried out as asked; the message is for the person who asked and
 * never holds a figure or any text of the report.
 */
public class ReportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal, for mapping to an answer. */
  public enum Reason {
    INVALID,
    LOCKED
  }

  private final Reason reason;

  public ReportException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static ReportException invalid(String message) {
    return new ReportException(Reason.INVALID, message);
  }
}
