package org.ombuds.audit;

/**
 * {@link AuditLog#append} refused to extend a log that disagrees with its head outside the
 * database. Appending anyway would re-grow a truncated log and move the head onto the new entries,
 * hiding the truncation for good; run {@link AuditLog#verify()} and investigate instead.
 */
public final class AuditIntegrityException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public AuditIntegrityException(String message) {
    super(message);
  }
}
