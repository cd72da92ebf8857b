package org.ombuds.web;

import java.util.List;

/** What the mandate's pages show about people and consents, already in the reader's words. */
public final class Communication {
  private Communication() {}

  /**
   * A person who may be concerned by a draft; {@code locked} when they confided in the office and
   * so are always concerned (shown ticked, not to be unticked).
   */
  public record PersonChoice(String id, String label, boolean locked) {}

  /**
   * A person concerned and where their consent stands.
   *
   * @param consented true when they consented to the current version (and did not revoke it)
   * @param canAsk true when a consent can be recorded for them now
   */
  public record PersonLine(
      String id, String label, String status, boolean consented, boolean canAsk) {}

  /**
   * A consent given, for the history.
   *
   * @param revocable true when it can still be revoked (not revoked, the draft not released)
   */
  public record ConsentLine(String id, String person, String text, boolean revocable) {}

  /** Why nothing was released, in plain words: what happened, each reason, what to do. */
  public record Refusal(String heading, List<String> reasons, String advice) {}
}
