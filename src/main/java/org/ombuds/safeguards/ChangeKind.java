package org.ombuds.safeguards;

/** What a pending change would do. */
public enum ChangeKind {
  /** Loosen one or more office settings ({@link PendingChange#settings}). */
  SETTINGS,
  /**
   * Hand every case of {@link PendingChange#subject} to {@link PendingChange#target}, then disable
   * the subject's account.
   */
  HAND_OVER,
  /** Let the new account {@link PendingChange#subject} log in, without its creator's recusals. */
  NEW_ACCOUNT;

  /** The kind as an audit identifier. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
