package org.ombuds.stories;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where stories are kept, as ciphertexts: under the case's key for a story drawn from a case (so it
 * is destroyed with the case), under the office key otherwise. Implemented by the storage adapter.
 */
public interface StoryStore {
  /**
   * One story as stored.
   *
   * @param disclosureId the mandate's disclosure that carries the story to the public, once sent
   *     for consent
   * @param audience how many people read the series (not content: a size)
   */
  @SuppressWarnings("ArrayRecordComponent") // a ciphertext, passed through, never compared
  record StoryRow(
      String id,
      Optional<String> caseId,
      Optional<String> disclosureId,
      int version,
      int audience,
      Instant createdAt,
      Instant updatedAt,
      byte[] data) {}

  void insert(StoryRow row);

  /** Replaces a story if it is still at {@code expectedVersion}; false when it was not. */
  boolean update(StoryRow row, int expectedVersion);

  Optional<StoryRow> find(String id);

  /** Every story, newest first. */
  List<StoryRow> all();
}
