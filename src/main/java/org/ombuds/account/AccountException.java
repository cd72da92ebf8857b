package org.ombuds.account;

/**
 * A request about accounts that cannot be carried out as asked (a taken username, a weak
 * passphrase, an office that is locked). The message is meant for the person who asked.
 */
public class AccountException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal, for mapping to an answer. */
  public enum Reason {
    INVALID,
    CONFLICT,
    LOCKED,
    NOT_FOUND
  }

  private final Reason reason;

  public AccountException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
