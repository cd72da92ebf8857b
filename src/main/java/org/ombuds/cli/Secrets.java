package org.ombuds.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Optional;
import org.ombuds.vault.Passphrase;

/**
 * Reads passphrases and keys: from an environment variable when set (for scripts), else from the
 * terminal without echo. Never from a command-line argument.
 */
final class Secrets {
  private Secrets() {}

  @SuppressWarnings("SystemConsoleNull") // null on Java 21 without a terminal; both handled
  static Passphrase passphrase(String envName, String prompt, boolean confirm) {
    String fromEnv = System.getenv(envName);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Passphrase.of(fromEnv);
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageException(
          "No passphrase: set " + envName + " or run this command in a terminal.");
    }
    char[] first = console.readPassword("%s: ", prompt);
    if (first == null) {
      throw new UsageException("No passphrase was entered: type one, or set " + envName + ".");
    }
    if (confirm) {
      char[] second = console.readPassword("Repeat it: ");
      boolean same = second != null && Arrays.equals(first, second);
      if (second != null) {
        Arrays.fill(second, '\0');
      }
      if (!same) {
        Arrays.fill(first, '\0');
        throw new UsageException("The two passphrases differ: nothing was changed.");
      }
    }
    Passphrase p = Passphrase.of(first);
    Arrays.fill(first, '\0');
    return p;
  }

  @SuppressWarnings("SystemConsoleNull") // as above
  static Optional<String> text(String envName, String prompt) {
    String fromEnv = System.getenv(envName);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return Optional.of(fromEnv);
    }
    Console console = System.console();
    if (console == null) {
      return Optional.empty();
    }
    char[] typed = console.readPassword("%s: ", prompt);
    return typed == null ? Optional.empty() : Optional.of(new String(typed));
  }
}
