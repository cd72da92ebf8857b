package org.ombuds.mandate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ombuds.anonymity.Thresholds;

/** Where disclosures, consents and determinations are kept, as ciphertexts. */
public interface DisclosureStore {

  /** A disclosure row; {@code data} is the encrypted content and risk estimate. */
  @SuppressWarnings("ArrayRecordComponent")
  record DisclosureRow(
      String id,
      String caseId,
      String status,
      int version,
      Instant createdAt,
      Optional<Instant> releasedAt,
      byte[] data) {}

  /** A consent row; {@code data} is the encrypted copy of exactly what was shown. */
  @SuppressWarnings("ArrayRecordComponent")
  record ConsentRow(
      String id,
      String disclosureId,
      String caseId,
      String personId,
      int version,
      String method,
      Instant givenAt,
      Optional<Instant> revokedAt,
      byte[] data) {}

  /** A determination row; {@code data} is the encrypted determination. */
  @SuppressWarnings("ArrayRecordComponent")
  record DeterminationRow(
      String id,
      String disclosureId,
      String caseId,
      int version,
      String authorId,
      Instant createdAt,
      Optional<String> confirmedBy,
      byte[] data) {}

  void insertDisclosure(DisclosureRow row);

  /**
   * Replaces status, version, release time and data if the row is still at the expected version and
   * status (a compare-and-set: a released or withdrawn disclosure never matches a draft's update).
   */
  boolean updateDisclosure(DisclosureRow row, int expectedVersion, DisclosureStatus expectedStatus);

  Optional<DisclosureRow> findDisclosure(String caseId, String id);

  /**
   * Reads a disclosure inside the current write transaction and holds it until the transaction
   * ends, so that every step on one disclosure (edit, withdrawal, consent, revocation, release)
   * runs one at a time and sees what the one before it committed: a row lock on PostgreSQL; on
   * SQLite a write transaction already excludes every other writer of the file.
   */
  Optional<DisclosureRow> lockDisclosure(String caseId, String id);

  List<DisclosureRow> disclosures(String caseId);

  /** Every released disclosure of the office (for the repeated-recipient check). */
  List<DisclosureRow> released();

  void insertConsent(ConsentRow row);

  List<ConsentRow> consents(String disclosureId);

  Optional<ConsentRow> findConsent(String caseId, String id);

  /** Marks a consent revoked; false if it was not found or already revoked. */
  boolean revokeConsent(String id, Instant at);

  void insertDetermination(DeterminationRow row);

  Optional<DeterminationRow> findDetermination(String disclosureId, String id);

  void confirmDetermination(String id, String accountId);

  /** Whether the office requires a second Ombuds to confirm an exception. */
  boolean exceptionNeedsSecond();

  void setExceptionNeedsSecond(boolean required);

  /** The office's thresholds for the anonymity estimate. */
  Thresholds thresholds();

  void setThresholds(Thresholds thresholds);

  /** The office's letterhead (its name and address lines), if set. */
  Optional<String> letterhead();

  void setLetterhead(String letterhead);
}
