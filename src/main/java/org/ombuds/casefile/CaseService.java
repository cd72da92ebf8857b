package org.ombuds.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.common.Ids;
import org.ombuds.common.Transactions;
import org.ombuds.vault.CaseCipher;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Vault;

/**
 * Opens cases and records notes, encrypting every piece of content under the case's own key with
 * associated data naming the case, table, column and row. Each change commits together with its
 * audit entry, which names ids only.
 */
public final class CaseService {
  public static final int MAX_NOTE = 20_000;

  private final CaseStore store;
  private final Vault vault;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final Supplier<Optional<OfficeKeys>> keys;
  private final Map<String, CaseCipher> ciphers = new ConcurrentHashMap<>();
  private volatile OfficeKeys cipherOwner;

  /**
   * @param keys the office keys while the office is unlocked
   */
  public CaseService(
      CaseStore store,
      Vault vault,
      AuditLog audit,
      Transactions tx,
      Clock clock,
      Supplier<Optional<OfficeKeys>> keys) {
    this.store = store;
    this.vault = vault;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.keys = keys;
  }

  /** Opens a case for {@code actorId}; returns its id. */
  public String create(String actorId, NewCase input) {
    OfficeKeys k = unlocked();
    String id = Ids.newId();
    byte[] wrapped = vault.newCaseKey(k, id);
    CaseCipher c = vault.openCase(k, id, wrapped);
    Instant now = clock.instant();
    CaseStore.CaseRow row =
        new CaseStore.CaseRow(
            id,
            wrapped,
            "OPEN",
            now,
            Optional.empty(),
            0,
            c.encrypt(ref(id, "case_file", "title_enc", id), utf8(input.title())),
            c.encrypt(
                ref(id, "case_file", "categories_enc", id),
                utf8(String.join(",", input.categories()))),
            c.encrypt(ref(id, "case_file", "unit_name_enc", id), utf8(input.workUnit().name())),
            c.encrypt(
                ref(id, "case_file", "unit_size_enc", id),
                utf8(Integer.toString(input.workUnit().size()))));
    tx.run(
        () -> {
          store.insertCase(row);
          audit.append(new AuditEvent(AuditKind.CASE_CREATED, actorId, id, "ok"));
        });
    ciphers.put(id, c);
    return id;
  }

  /** Adds a note to an open case; returns the note's id. */
  public String addNote(String actorId, String caseId, String text) {
    if (text == null || text.isBlank()) {
      throw new CaseException(CaseException.Reason.INVALID, "A note needs some text.");
    }
    if (text.length() > MAX_NOTE) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "The note is too long: at most " + MAX_NOTE + " characters. Split it in two notes.");
    }
    CaseStore.CaseRow row = requireCase(caseId);
    if (!"OPEN".equals(row.status())) {
      throw new CaseException(
          CaseException.Reason.CLOSED, "This case is closed: nothing can be added to it.");
    }
    CaseCipher c = cipher(row);
    String noteId = Ids.newId();
    byte[] body = c.encrypt(ref(caseId, "note", "body_enc", noteId), utf8(text));
    CaseStore.NoteRow note = new CaseStore.NoteRow(noteId, caseId, clock.instant(), actorId, body);
    tx.run(
        () -> {
          store.insertNote(note);
          audit.append(new AuditEvent(AuditKind.NOTE_ADDED, actorId, caseId, noteId));
        });
    return noteId;
  }

  /** One case with its notes, decrypted. */
  public CaseView get(String caseId) {
    CaseStore.CaseRow row = requireCase(caseId);
    CaseCipher c = cipher(row);
    List<CaseView.NoteView> notes =
        store.notes(caseId).stream()
            .map(
                n ->
                    new CaseView.NoteView(
                        n.id(),
                        n.createdAt(),
                        n.authorId(),
                        text(c.decrypt(ref(caseId, "note", "body_enc", n.id()), n.body()))))
            .toList();
    return view(row, c, notes);
  }

  /** Every case, newest first, without notes. */
  public List<CaseView> list() {
    return store.listCases().stream()
        .map(row -> view(row, cipher(row), List.of()))
        .sorted(Comparator.comparing(CaseView::openedAt).reversed())
        .toList();
  }

  private CaseView view(CaseStore.CaseRow row, CaseCipher c, List<CaseView.NoteView> notes) {
    String id = row.id();
    String categories =
        text(c.decrypt(ref(id, "case_file", "categories_enc", id), row.categories()));
    return new CaseView(
        id,
        text(c.decrypt(ref(id, "case_file", "title_enc", id), row.title())),
        row.status(),
        row.openedAt(),
        row.closedAt(),
        categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",", -1)),
        new WorkUnit(
            text(c.decrypt(ref(id, "case_file", "unit_name_enc", id), row.unitName())),
            Integer.parseInt(
                text(c.decrypt(ref(id, "case_file", "unit_size_enc", id), row.unitSize())))),
        notes);
  }

  private CaseStore.CaseRow requireCase(String caseId) {
    if (!Ids.isId(caseId)) {
      throw notFound();
    }
    return store.findCase(caseId).orElseThrow(CaseService::notFound);
  }

  private static CaseException notFound() {
    return new CaseException(CaseException.Reason.NOT_FOUND, "There is no such case.");
  }

  private CaseCipher cipher(CaseStore.CaseRow row) {
    OfficeKeys k = unlocked();
    if (cipherOwner != k) {
      // The office was locked and unlocked again: forget ciphers opened with the old keys.
      ciphers.clear();
      cipherOwner = k;
    }
    return ciphers.computeIfAbsent(row.id(), id -> vault.openCase(k, id, row.wrappedKey()));
  }

  private OfficeKeys unlocked() {
    return keys.get()
        .orElseThrow(
            () ->
                new CaseException(
                    CaseException.Reason.LOCKED, "The office is locked: log in again."));
  }

  /** Forgets every opened case key (called when the office locks). */
  public void forgetKeys() {
    ciphers.clear();
    cipherOwner = null;
  }

  private static FieldRef ref(String caseId, String table, String column, String row) {
    return FieldRef.inCase(caseId, table, column, row);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
