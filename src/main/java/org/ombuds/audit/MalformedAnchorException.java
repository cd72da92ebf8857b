package org.ombuds.audit;

/**
 * The head stored outside the database exists but is not a well-formed head. Reported, never
 * treated as "no head", because deleting or garbling the head must not disable tail detection.
 */
public final class MalformedAnchorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedAnchorException(String message) {
    super(message);
  }
}
