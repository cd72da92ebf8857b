package org.ombuds.casefile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
      String handlerId,
      byte[] title,
      byte[] categories,
      byte[] unitName,
      byte[] unitSize,
      Optional<byte[]> composition,
      Optional<byte[]> outcome,
      Optional<Instant> destroyAfter) {}

  /** A note row as stored: the body is a ciphertext. */
  @SuppressWarnings("ArrayRecordComponent")
  record NoteRow(String id, String caseId, Instant createdAt, String authorId, byte[] body) {}

  /** The tables of a case's other rows, each holding one encrypted data value. */
  enum Child {
    PERSON,
    CONTACT,
    OPTION,
    REMINDER
  }

  /** A row of one of the {@link Child} tables. */
  @SuppressWarnings("ArrayRecordComponent")
  record ChildRow(String id, String caseId, Instant createdAt, byte[] data) {}

  void insertCase(CaseRow row);

  /**
   * Replaces a case's editable columns if its version is still {@code expectedVersion}, bumping it.
   *
   * @return false when someone else changed the case first (nothing written)
   */
  boolean updateCase(CaseRow row, int expectedVersion);

  Optional<CaseRow> findCase(String id);

  /** A case row with the accounts recused from it, as that one checked row lists them. */
  record RowAndRecusals(CaseRow row, Set<String> recusedAccounts) {
    public RowAndRecusals {
      recusedAccounts = Set.copyOf(recusedAccounts);
    }
  }

  /** {@link #findCase} and {@link #recusedAccounts} in one read of the case's row. */
  Optional<RowAndRecusals> findCaseWithRecusals(String id);

  List<CaseRow> listCases();

  /**
   * Every case file, split: the rows that match their authentication tag, and the ids of those that
   * do not (edited in the database), of which nothing may be shown or acted on. For the lists that
   * must go on working when one case file was tampered with; a read a decision depends on uses
   * {@link #listCases} or {@link #findCase}, which refuse instead.
   */
  CaseList caseList();

  /** The case files, split as {@link #caseList} says. */
  record CaseList(List<CaseRow> sound, List<String> tampered) {
    public CaseList {
      sound = List.copyOf(sound);
      tampered = List.copyOf(tampered);
    }
  }

  void insertNote(NoteRow row);

  List<NoteRow> notes(String caseId);

  void insertChild(Child table, ChildRow row);

  /** Replaces the data of a child row of {@code caseId}; false if there is none. */
  boolean updateChild(Child table, String caseId, String id, byte[] data);

  List<ChildRow> children(Child table, String caseId);

  /** The ids of every case that has a row in {@code table} (for reminders across cases). */
  List<ChildRow> allChildren(Child table);

  void insertRecusal(String caseId, String accountId, Instant at);

  /** The ids of the cases {@code accountId} is recused from. */
  Set<String> recusedCases(String accountId);

  /** The accounts recused from {@code caseId}. */
  Set<String> recusedAccounts(String caseId);

  /**
   * Hands every case of {@code fromAccount} to {@code toAccount}, except those {@code toAccount} is
   * recused from; returns how many.
   */
  int reassignCases(String fromAccount, String toAccount);

  /** Recuses {@code accountId} from a case because {@code fromAccount}, who made it, is. */
  void insertInheritedRecusal(String caseId, String accountId, String fromAccount, Instant at);

  /** Deletes the recusals {@code accountId} inherited from its creator; returns how many. */
  int deleteInheritedRecusals(String accountId);

  /**
   * The closed cases whose content is due for destruction at {@code now}, and the case files that
   * fail their authentication tag: whether those are closed or due cannot be told, so they are
   * neither destroyed nor allowed to stop the destruction of the others.
   */
  Due dueForDestruction(Instant now);

  /** What {@link #dueForDestruction} found: the ids of the due cases and of the tampered ones. */
  record Due(List<String> due, List<String> tampered) {
    public Due {
      due = List.copyOf(due);
      tampered = List.copyOf(tampered);
    }
  }

  /** Deletes a case and every row that hangs off it, key included. */
  void destroyCase(String caseId);

  /**
   * After destruction: makes sure no copy of the deleted rows lingers in the database's files
   * (SQLite's write-ahead log is checkpointed and truncated).
   */
  void compact();

  void insertStatRecord(String id, byte[] data);

  /** Every statistical record's encrypted data. */
  List<byte[]> statRecords();
}
