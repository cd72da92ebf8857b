package org.ombuds.safeguards;

/** A request about a pending change that cannot be carried out as asked; the message is plain. */
public class SafeguardException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;

  public SafeguardException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP-like status: 400 bad input, 403 not allowed to you, 404 not found, 409 conflict. */
  public int status() {
    return status;
  }

  public String code() {
    return code;
  }
}
