package org.ombuds.account;

import java.util.Optional;
import org.ombuds.vault.Passphrase;

/**
 * What a new passphrase must be. It protects the office keys against offline guessing (with
 * Argon2id slowing each guess), so length matters more than symbols: at least {@value #MIN_LENGTH}
 * characters, at most {@value #MAX_LENGTH}, not all the same character.
 */
public final class PassphrasePolicy {
  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 1024;

  private PassphrasePolicy() {}

  /** The problem with {@code passphrase} in plain words, or empty when it is acceptable. */
  public static Optional<String> problem(Passphrase passphrase) {
    int length = passphrase.length();
    if (length < MIN_LENGTH) {
      return Optional.of(
          "The passphrase is too short: use at least " + MIN_LENGTH + " characters.");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("The passphrase is too long: use at most " + MAX_LENGTH + " characters.");
    }
    if (passphrase.distinctCharacters() < 2) {
      return Optional.of("The passphrase repeats one character: choose a real passphrase.");
    }
    return Optional.empty();
  }
}
