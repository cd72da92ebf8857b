package org.ombuds.anonymity;

import java.util.Objects;

/**
 * A person of the case whose name or pseudonym may turn up in a draft.
 *
 * @param name the person's real name as recorded ("" when the person stayed anonymous); first and
 *     last names, particles and hyphens are all understood ("Hélène Dubois-Martin", "Ana María de
 *     la Cruz", "Siobhán O'Brien")
 * @param pseudonym the office's pseudonym ("Jane*"), or ""
 * @param source whether the message must protect this person's identity (the visitor or visitors it
 *     is about). A source's name or pseudonym in the text identifies the source; other people's
 *     names are reported too, but count differently (see {@link AnonymityEstimator}).
 */
public record Person(String name, String pseudonym, boolean source) {
  /** Longer names are refused: they are not names and would slow the estimate down. */
  public static final int MAX_LENGTH = 200;

  public Person {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pseudonym, "pseudonym");
    if (name.length() > MAX_LENGTH || pseudonym.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A name or pseudonym has at most " + MAX_LENGTH + " characters.");
    }
    name = name.strip();
    pseudonym = pseudonym.strip();
  }
}
