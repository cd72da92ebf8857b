package org.ombuds.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where cases are kept, as ciphertexts (implemented by the storage adapter). */
public interface CaseStore {

  /** A case row as stored: content columns are ciphertexts. Rows are carried, never compared. */
  @SuppressWarnings("ArrayRecordComponent")
  record CaseRow(
      String id,
      byte[] wrappedKey,
      String status,
      Instant openedAt,
      Optional<Instant> closedAt,
      int version,
      byte[] title,
      byte[] categories,
      byte[] unitName,
      byte[] unitSize) {}

  /** A note row as stored: the body is a ciphertext. */
  @SuppressWarnings("ArrayRecordComponent")
  record NoteRow(String id, String caseId, Instant createdAt, String authorId, byte[] body) {}

  void insertCase(CaseRow row);

  Optional<CaseRow> findCase(String id);

  List<CaseRow> listCases();

  void insertNote(NoteRow row);

  List<NoteRow> notes(String caseId);
}
