package org.ombuds.backup;

/**
 * A backup, restore or migration was refused or failed; nothing was left half-done. {@link #kind()}
 * picks the exit code.
 */
public final class BackupFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure: a mistake in what was asked, a damaged input, or a fault. */
  public enum Kind {
    BAD_INPUT,
    DAMAGED,
    FAULT
  }

  private final Kind kind;

  public BackupFailure(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
