package org.ombuds.retaliation;

/**
 * A request about alerts or retaliation watches that cannot be carried out as asked. The code is
 * the API's error code; the message is for the person who asked and never quotes stored content.
 */
public class RetaliationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public RetaliationException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  static RetaliationException invalid(String message) {
    return new RetaliationException(400, "invalid_request", message);
  }

  /** A 400 with a code naming the rule broken, so pages can say it in the reader's language. */
  static RetaliationException invalid(String code, String message) {
    return new RetaliationException(400, code, message);
  }

  static RetaliationException notFound(String what) {
    return new RetaliationException(404, "not_found", "There is no such " + what + ".");
  }

  /** The HTTP-like status: 400 bad input, 404 not found, 409 conflict. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
