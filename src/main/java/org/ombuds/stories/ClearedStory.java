package org.ombuds.stories;

import java.time.Instant;

/**
 * The capability to export a story written without a case: its exact text, as checked against the
 * names and pseudonyms of every open case and found to contain none. Only {@link OpenCaseCheck}
 * makes one (the constructor is package-private and an ArchUnit test checks no other class calls
 * it); the renderers of case-less stories take one, as the renderers of case content take an {@link
 * org.ombuds.mandate.Outbound}.
 */
public final class ClearedStory {
  private final String storyId;
  private final int version;
  private final String text;
  private final Instant checkedAt;

  ClearedStory(String storyId, int version, String text, Instant checkedAt) {
    this.storyId = storyId;
    this.version = version;
    this.text = text;
    this.checkedAt = checkedAt;
  }

  public String storyId() {
    return storyId;
  }

  /** The version of the story that was checked. */
  public int version() {
    return version;
  }

  /** Exactly the text that was checked. */
  public String text() {
    return text;
  }

  public Instant checkedAt() {
    return checkedAt;
  }

  @Override
  public String toString() {
    return "ClearedStory[" + storyId + ", content REDACTED]";
  }
}
