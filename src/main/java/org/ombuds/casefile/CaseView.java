package org.ombuds.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A case as an Ombuds sees it, decrypted, in memory only. */
public record CaseView(
    String id,
    String title,
    String status,
    Instant openedAt,
    Optional<Instant> closedAt,
    List<String> categories,
    WorkUnit workUnit,
    List<NoteView> notes) {

  /** A note as an Ombuds sees it. */
  public record NoteView(String id, Instant createdAt, String authorId, String text) {}
}
