package org.ombuds.vault;

/**
 * A backup file or backup key ring was refused. The {@link Reason} says why, so the command line
 * can pick its exit code; the message says it in plain words, without key material or content.
 */
public final class BackupException extends VaultException {
  private static final long serialVersionUID = 1L;

  /** Why a backup or key ring was refused. */
  public enum Reason {
    /** The file is not an ombuds backup (or key ring) at all. */
    NOT_A_BACKUP,
    /** Made by another version of the backup format. */
    WRONG_VERSION,
    /** The key ring holds no key for this backup: it was made with another key ring. */
    OTHER_KEY,
    /** The backup is older than the retention policy, or its key was destroyed on expiry. */
    EXPIRED,
    /** The content failed authentication: truncated, altered, or a key that does not match. */
    DAMAGED
  }

  private final Reason reason;

  BackupException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
