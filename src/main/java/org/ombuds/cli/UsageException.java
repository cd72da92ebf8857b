package org.ombuds.cli;

/** What was asked of a command is wrong; the message says how to ask. Exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
