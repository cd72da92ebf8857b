package org.ombuds.app;

/**
 * An office cannot be created or opened: the message says why in words an administrator can act on.
 * {@link #badInput()} tells a mistake in what was asked from a fault of the machine.
 */
public class OfficeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean badInput;

  public OfficeException(String message, boolean badInput) {
    super(message);
    this.badInput = badInput;
  }

  /** True when what was asked is wrong (exit 2), false for a fault (exit 1). */
  public boolean badInput() {
    return badInput;
  }
}
