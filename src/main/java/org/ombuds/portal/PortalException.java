package org.ombuds.portal;

/**
 * A refused portal request, with an HTTP-like status, a stable code and a message for people. Never
 * carries what a visitor wrote or a receipt.
 */
public final class PortalException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String code;
  private final long retryAfterSeconds;

  public PortalException(int status, String code, String message) {
    this(status, code, message, 0);
  }

  public PortalException(int status, String code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** Seconds to wait before trying again, for a 429; 0 otherwise. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
