package org.ombuds.mandate;

/**
 * A request about a disclosure that cannot be carried out as asked. The code is the contract's
 * error code; the message is for the person who asked.
 */
public class MandateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public MandateException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP-like status: 400 bad input, 404 not found, 409 conflict, 422 refused by the rules. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
