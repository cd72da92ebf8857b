package org.ombuds.casefile;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.common.Fields;
import org.ombuds.common.Ids;
import org.ombuds.common.TamperedRowException;
import org.ombuds.common.Transactions;
import org.ombuds.records.StatisticalRecord;
import org.ombuds.vault.CaseCipher;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Vault;

/**
 * The case file. Every piece of content is encrypted under the case's own key with associated data
 * naming the case, table, column and row; each change commits together with its audit entry, which
 * names ids only.
 *
 * <p>Independence: an Ombuds recused from a case is refused it from then on with the same answer as
 * for a case that does not exist. Closing keeps only a de-identified statistical record (under the
 * office key, with no link back) and destroys the case's rows and key, at once or after the
 * office's grace period.
 */
public final class CaseService {
  public static final int MAX_NOTE = 20_000;
  public static final int MAX_TEXT = 2_000;
  public static final int MAX_MINUTES = 24 * 60;

  private final CaseStore store;
  private final OfficePolicy policy;
  private final Vault vault;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final Supplier<Optional<OfficeKeys>> keys;
  private final Map<String, CaseCipher> ciphers = new ConcurrentHashMap<>();
  private final Map<String, String> searchText = new ConcurrentHashMap<>();
  // The cases the destruction left out (a row fails its tag) and already audited: it runs hourly.
  private final Set<String> skipped = ConcurrentHashMap.newKeySet();
  private volatile OfficeKeys cipherOwner;

  /**
   * @param keys the office keys while the office is unlocked
   */
  public CaseService(
      CaseStore store,
      OfficePolicy policy,
      Vault vault,
      AuditLog audit,
      Transactions tx,
      Clock clock,
      Supplier<Optional<OfficeKeys>> keys) {
    this.store = store;
    this.policy = policy;
    this.vault = vault;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.keys = keys;
  }

  // ---------------------------------------------------------------- cases

  /** Opens a case handled by {@code actorId}; returns its id. */
  public String create(String actorId, NewCase input) {
    checkCategories(input.categories());
    OfficeKeys k = unlocked();
    String id = Ids.newId();
    byte[] wrapped = vault.newCaseKey(k, id);
    CaseCipher c = vault.openCase(k, id, wrapped);
    CaseStore.CaseRow row = caseRow(c, id, wrapped, "OPEN", clock.instant(), 0, actorId, input);
    tx.run(
        () -> {
          store.insertCase(row);
          audit.append(new AuditEvent(AuditKind.CASE_CREATED, actorId, id, "ok"));
        });
    return id;
  }

  /**
   * Changes a case's title, categories and work unit, if nobody changed it since {@code
   * expectedVersion} was read.
   *
   * @throws CaseException CONFLICT when someone else changed it first (nothing is written)
   */
  public int update(String actorId, String caseId, int expectedVersion, NewCase input) {
    checkCategories(input.categories());
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    CaseCipher c = cipher(row);
    CaseStore.CaseRow changed =
        caseRow(
            c,
            caseId,
            row.wrappedKey(),
            row.status(),
            row.openedAt(),
            expectedVersion + 1,
            row.handlerId(),
            input);
    boolean ok =
        tx.inTransaction(
            () -> {
              if (!store.updateCase(changed, expectedVersion)) {
                return false;
              }
              audit.append(new AuditEvent(AuditKind.CASE_UPDATED, actorId, caseId, "ok"));
              return true;
            });
    if (!ok) {
      throw new CaseException(
          CaseException.Reason.CONFLICT,
          "Someone else changed this case while you were editing it. Your changes were not saved:"
              + " reload the case, then apply them again.");
    }
    searchText.remove(caseId);
    return expectedVersion + 1;
  }

  private CaseStore.CaseRow caseRow(
      CaseCipher c,
      String id,
      byte[] wrapped,
      String status,
      Instant openedAt,
      int version,
      String handlerId,
      NewCase input) {
    Fields composition = new Fields();
    List<WorkUnit.Count> counts = input.workUnit().composition();
    composition.put("n", Integer.toString(counts.size()));
    for (int i = 0; i < counts.size(); i++) {
      WorkUnit.Count k = counts.get(i);
      composition
          .put("d" + i, k.dimension())
          .put("g" + i, k.group())
          .put("c" + i, Integer.toString(k.count()));
    }
    return new CaseStore.CaseRow(
        id,
        wrapped,
        status,
        openedAt,
        Optional.empty(),
        version,
        handlerId,
        c.encrypt(ref(id, "case_file", "title_enc", id), utf8(input.title())),
        c.encrypt(
            ref(id, "case_file", "categories_enc", id), utf8(String.join(",", input.categories()))),
        c.encrypt(ref(id, "case_file", "unit_name_enc", id), utf8(input.workUnit().name())),
        c.encrypt(
            ref(id, "case_file", "unit_size_enc", id),
            utf8(Integer.toString(input.workUnit().size()))),
        Optional.of(c.encrypt(ref(id, "case_file", "composition_enc", id), composition.encode())),
        Optional.empty(),
        Optional.empty());
  }

  private void checkCategories(List<String> codes) {
    Map<String, String> own = policy.officeCategories();
    List<String> unknown =
        codes.stream()
            .filter(code -> Categories.ioa().find(code).isEmpty() && !own.containsKey(code))
            .toList();
    if (!unknown.isEmpty()) {
      List<String> valid =
          new ArrayList<>(Categories.ioa().all().stream().map(Category::code).toList());
      valid.addAll(own.keySet());
      throw new CaseException(
          CaseException.Reason.INVALID,
          "Unknown category code(s) "
              + String.join(", ", unknown)
              + ". Valid codes are the IOA uniform reporting categories and the office's own: "
              + String.join(", ", valid)
              + ".");
    }
  }

  /** One case as {@code actorId} may see it: with its notes and other rows while open. */
  public CaseView get(String actorId, String caseId) {
    // One connection for the case row, recusals and every kind of row: a case page is read often.
    return tx.reading(
        () -> {
          CaseStore.CaseRow row = requireVisible(actorId, caseId);
          CaseCipher c = cipher(row);
          boolean open = "OPEN".equals(row.status());
          return view(row, c, open);
        });
  }

  /**
   * The cases {@code actorId} may see, newest first, without their notes and other rows. A case
   * whose row fails its authentication tag is left out (see {@link #listing}).
   */
  public List<CaseView> list(String actorId) {
    return listing(actorId).cases();
  }

  /**
   * A list of cases, and the ids of the cases whose rows fail their authentication tag (edited in
   * the database): of those nothing is shown (title, status, dates), and opening one is refused.
   */
  public record Listing(List<CaseView> cases, List<String> tampered) {
    public Listing {
      cases = List.copyOf(cases);
      tampered = List.copyOf(tampered);
    }
  }

  /**
   * The cases {@code actorId} may see, newest first, and those that cannot be verified: one edited
   * case file must not hide the others from every Ombuds. A tampered case that {@code actorId} is
   * recused from is not named to them either.
   */
  public Listing listing(String actorId) {
    Set<String> recused = store.recusedCases(actorId);
    CaseStore.CaseList all = store.caseList();
    List<CaseView> cases =
        all.sound().stream()
            .filter(r -> !recused.contains(r.id()))
            .map(row -> view(row, cipher(row), false))
            .sorted(Comparator.comparing(CaseView::openedAt).reversed())
            .toList();
    return new Listing(cases, unverified(all, recused));
  }

  private static List<String> unverified(CaseStore.CaseList all, Set<String> recused) {
    return all.tampered().stream().filter(id -> !recused.contains(id)).toList();
  }

  /**
   * A name on file in an open case, for a check that must see every open case of the office.
   *
   * @param caseId the case, so that a check can leave a text's own case out and tell the case's
   *     other Ombuds; never to be shown to {@code actorId} when not visible
   * @param personId the person within the case
   * @param name the real name, empty when none was recorded
   * @param visible whether {@code actorId} may see the case; when not (recused), nothing about the
   *     person may be shown to them, not even the pseudonym
   */
  public record NameOnFile(
      String caseId, String personId, String name, String pseudonym, boolean visible) {
    @Override
    public String toString() {
      return "NameOnFile[REDACTED]";
    }
  }

  /**
   * The names and pseudonyms of the persons of every open case of the office, including the cases
   * {@code actorId} is recused from (marked not visible), without titles: for checking that a text
   * leaving the office names nobody the office is helping now (the exit check). Whoever calls this
   * must show {@code actorId} nothing of a not-visible name, not even its case id.
   */
  public List<NameOnFile> namesOfOpenCases(String actorId) {
    Set<String> recused = store.recusedCases(actorId);
    List<NameOnFile> out = new ArrayList<>();
    for (CaseStore.CaseRow row : store.listCases()) {
      if (!"OPEN".equals(row.status())) {
        continue;
      }
      boolean visible = !recused.contains(row.id());
      for (CaseView.PersonView p : persons(cipher(row), row.id())) {
        out.add(new NameOnFile(row.id(), p.id(), p.name().orElse(""), p.pseudonym(), visible));
      }
    }
    return out;
  }

  /**
   * The open cases whose title, notes, persons' names or pseudonyms, work unit, contacts or options
   * contain every word of {@code query} (case- and accent-insensitive). A case whose row fails its
   * authentication tag is left out (see {@link #searchListing}).
   */
  public List<CaseView> search(String actorId, String query) {
    return searchListing(actorId, query).cases();
  }

  /**
   * As {@link #search}, with the cases that cannot be verified (see {@link #listing}): whether they
   * match is not known, and they are named so that the Ombuds knows of them.
   */
  public Listing searchListing(String actorId, String query) {
    List<String> words =
        Arrays.stream(Pseudonyms.fold(query).split("\\s+")).filter(w -> !w.isBlank()).toList();
    if (words.isEmpty()) {
      return new Listing(List.of(), List.of());
    }
    Set<String> recused = store.recusedCases(actorId);
    CaseStore.CaseList all = store.caseList();
    List<CaseView> found = new ArrayList<>();
    for (CaseStore.CaseRow row : all.sound()) {
      if (!"OPEN".equals(row.status()) || recused.contains(row.id())) {
        continue;
      }
      String text = searchText.computeIfAbsent(row.id(), id -> searchableText(row));
      if (words.stream().allMatch(text::contains)) {
        found.add(view(row, cipher(row), false));
      }
    }
    found.sort(Comparator.comparing(CaseView::openedAt).reversed());
    return new Listing(found, unverified(all, recused));
  }

  private String searchableText(CaseStore.CaseRow row) {
    CaseView v = view(row, cipher(row), true);
    StringBuilder sb = new StringBuilder();
    sb.append(v.title()).append('\n').append(v.workUnit().name()).append('\n');
    v.notes().forEach(n -> sb.append(n.text()).append('\n'));
    v.persons()
        .forEach(
            p -> sb.append(p.name().orElse("")).append(' ').append(p.pseudonym()).append('\n'));
    v.contacts().forEach(x -> sb.append(x.text().orElse("")).append('\n'));
    v.options().forEach(o -> sb.append(o.reason().orElse("")).append('\n'));
    return Pseudonyms.fold(sb.toString());
  }

  private CaseView view(CaseStore.CaseRow row, CaseCipher c, boolean withRows) {
    String id = row.id();
    String categories =
        text(c.decrypt(ref(id, "case_file", "categories_enc", id), row.categories()));
    List<WorkUnit.Count> composition = new ArrayList<>();
    row.composition()
        .ifPresent(
            bytes -> {
              Fields f =
                  Fields.decode(c.decrypt(ref(id, "case_file", "composition_enc", id), bytes));
              int n = Integer.parseInt(f.get("n"));
              for (int i = 0; i < n; i++) {
                composition.add(
                    new WorkUnit.Count(
                        f.get("d" + i), f.get("g" + i), Integer.parseInt(f.get("c" + i))));
              }
            });
    boolean open = "OPEN".equals(row.status());
    return new CaseView(
        id,
        text(c.decrypt(ref(id, "case_file", "title_enc", id), row.title())),
        open ? CaseStatus.OPEN : CaseStatus.CLOSED,
        row.openedAt(),
        row.closedAt(),
        row.version(),
        row.handlerId(),
        categories.isEmpty() ? List.of() : Arrays.asList(categories.split(",", -1)),
        new WorkUnit(
            text(c.decrypt(ref(id, "case_file", "unit_name_enc", id), row.unitName())),
            Integer.parseInt(
                text(c.decrypt(ref(id, "case_file", "unit_size_enc", id), row.unitSize()))),
            composition),
        row.outcome()
            .map(b -> Outcome.valueOf(text(c.decrypt(ref(id, "case_file", "outcome_enc", id), b)))),
        withRows ? persons(c, id) : List.of(),
        withRows && open ? notes(c, id) : List.of(),
        withRows && open ? contacts(c, id) : List.of(),
        withRows && open ? options(c, id) : List.of(),
        withRows && open ? reminders(c, id) : List.of(),
        row.destroyAfter());
  }

  // ---------------------------------------------------------------- rows of a case

  /** Adds a person; returns the person's id and generated pseudonym. */
  public CaseView.PersonView addPerson(String actorId, String caseId, PersonInput input) {
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    CaseCipher c = cipher(row);
    List<CaseView.PersonView> existing = persons(c, caseId);
    Set<String> taken =
        existing.stream().map(CaseView.PersonView::pseudonym).collect(Collectors.toSet());
    Set<String> names = new HashSet<>();
    existing.forEach(p -> p.name().ifPresent(names::add));
    input.name().ifPresent(names::add);
    String pseudonym = Pseudonyms.pick(taken, names);
    String id = Ids.newId();
    CaseView.PersonView person =
        new CaseView.PersonView(
            id,
            input.role(),
            input.name(),
            pseudonym,
            input.contractType(),
            input.gender(),
            input.ageBand(),
            input.confidant());
    Fields f = personFields(person);
    insertChild(actorId, c, CaseStore.Child.PERSON, caseId, id, f, AuditKind.PERSON_ADDED);
    // A pseudonym given earlier may be this newcomer's real name (Jane got "Mike*" before Mike
    // was added): such a pseudonym would point at the wrong person, so it is drawn again.
    if (input.name().isPresent()) {
      Set<String> newNames = Pseudonyms.tokens(input.name().get());
      Set<String> takenNow = new HashSet<>(taken);
      takenNow.add(pseudonym);
      for (CaseView.PersonView p : existing) {
        if (newNames.contains(Pseudonyms.fold(p.pseudonym().replace("*", "")))) {
          String fresh = Pseudonyms.pick(takenNow, names);
          takenNow.add(fresh);
          Fields g =
              personFields(
                  new CaseView.PersonView(
                      p.id(),
                      p.role(),
                      p.name(),
                      fresh,
                      p.contractType(),
                      p.gender(),
                      p.ageBand(),
                      p.confidant()));
          byte[] data = c.encrypt(ref(caseId, "person", "data_enc", p.id()), g.encode());
          tx.run(
              () -> {
                store.updateChild(CaseStore.Child.PERSON, caseId, p.id(), data);
                audit.append(
                    new AuditEvent(
                        AuditKind.PERSON_ADDED, actorId, caseId, p.id() + ":pseudonym-redrawn"));
              });
        }
      }
    }
    return person;
  }

  /**
   * Marks a person of an open case as having spoken to the office in confidence. From then on the
   * person is among the persons concerned of every communication about the case (the mandate adds
   * them to every open draft). There is no way back: a confidant stays one.
   */
  public CaseView.PersonView markConfidant(String actorId, String caseId, String personId) {
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    CaseCipher c = cipher(row);
    CaseView.PersonView p =
        persons(c, caseId).stream()
            .filter(x -> x.id().equals(personId))
            .findFirst()
            .orElseThrow(
                () ->
                    new CaseException(
                        CaseException.Reason.NOT_FOUND, "There is no such person in this case."));
    if (p.confidant()) {
      return p;
    }
    CaseView.PersonView marked =
        new CaseView.PersonView(
            p.id(),
            p.role(),
            p.name(),
            p.pseudonym(),
            p.contractType(),
            p.gender(),
            p.ageBand(),
            true);
    byte[] data =
        c.encrypt(ref(caseId, "person", "data_enc", p.id()), personFields(marked).encode());
    tx.run(
        () -> {
          store.updateChild(CaseStore.Child.PERSON, caseId, p.id(), data);
          audit.append(new AuditEvent(AuditKind.PERSON_MARKED_CONFIDANT, actorId, caseId, p.id()));
        });
    searchText.remove(caseId);
    return marked;
  }

  private static Fields personFields(CaseView.PersonView p) {
    return new Fields()
        .put("role", p.role().name())
        .put("name", p.name())
        .put("pseudonym", p.pseudonym())
        .put("contract", p.contractType().map(Enum::name))
        .put("gender", p.gender().map(Enum::name))
        .put("age", p.ageBand().map(Enum::name))
        .put("confidant", p.confidant() ? Optional.of("true") : Optional.empty());
  }

  /** Adds a note to an open case; returns the note's id. */
  public String addNote(String actorId, String caseId, String text) {
    requireText(text, "note", MAX_NOTE);
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    CaseCipher c = cipher(row);
    String noteId = Ids.newId();
    byte[] body = c.encrypt(ref(caseId, "note", "body_enc", noteId), utf8(text));
    CaseStore.NoteRow note = new CaseStore.NoteRow(noteId, caseId, clock.instant(), actorId, body);
    tx.run(
        () -> {
          store.insertNote(note);
          audit.append(new AuditEvent(AuditKind.NOTE_ADDED, actorId, caseId, noteId));
        });
    searchText.remove(caseId);
    return noteId;
  }

  /** Records a contact with the visitor; returns its id. */
  public String addContact(
      String actorId,
      String caseId,
      LocalDate date,
      Modality modality,
      int minutes,
      Optional<String> text) {
    if (minutes < 0 || minutes > MAX_MINUTES) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "The duration must be between 0 and " + MAX_MINUTES + " minutes.");
    }
    if (date.isAfter(LocalDate.now(clock).plusDays(1))) {
      throw new CaseException(CaseException.Reason.INVALID, "A contact cannot be in the future.");
    }
    text.ifPresent(t -> requireText(t, "text", MAX_TEXT));
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    String id = Ids.newId();
    Fields f =
        new Fields()
            .put("date", date.toString())
            .put("modality", modality.name())
            .put("minutes", Integer.toString(minutes))
            .put("text", text.map(String::strip).filter(s -> !s.isEmpty()));
    insertChild(
        actorId, cipher(row), CaseStore.Child.CONTACT, caseId, id, f, AuditKind.CONTACT_ADDED);
    return id;
  }

  /** Records an option explored with the visitor and their decision; returns its id. */
  public String addOption(
      String actorId, String caseId, OptionKind kind, Decision decision, Optional<String> reason) {
    reason.ifPresent(t -> requireText(t, "reason", MAX_TEXT));
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    String id = Ids.newId();
    insertChild(
        actorId,
        cipher(row),
        CaseStore.Child.OPTION,
        caseId,
        id,
        optionFields(kind, decision, reason),
        AuditKind.OPTION_RECORDED);
    return id;
  }

  /** Records the visitor's (new) decision on an option. */
  public void decideOption(
      String actorId, String caseId, String optionId, Decision decision, Optional<String> reason) {
    reason.ifPresent(t -> requireText(t, "reason", MAX_TEXT));
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    CaseCipher c = cipher(row);
    CaseView.OptionView current =
        options(c, caseId).stream()
            .filter(o -> o.id().equals(optionId))
            .findFirst()
            .orElseThrow(
                () ->
                    new CaseException(
                        CaseException.Reason.NOT_FOUND, "There is no such option in this case."));
    byte[] data =
        c.encrypt(
            ref(caseId, "case_option", "data_enc", optionId),
            optionFields(current.kind(), decision, reason.or(current::reason)).encode());
    tx.run(
        () -> {
          store.updateChild(CaseStore.Child.OPTION, caseId, optionId, data);
          audit.append(new AuditEvent(AuditKind.OPTION_RECORDED, actorId, caseId, optionId));
        });
    searchText.remove(caseId);
  }

  private static Fields optionFields(OptionKind kind, Decision decision, Optional<String> reason) {
    return new Fields()
        .put("kind", kind.name())
        .put("decision", decision.name())
        .put("reason", reason.map(String::strip).filter(s -> !s.isEmpty()));
  }

  /** Adds a reminder due on {@code due}; returns its id. */
  public String addReminder(String actorId, String caseId, LocalDate due, String text) {
    requireText(text, "reminder", MAX_TEXT);
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    String id = Ids.newId();
    Fields f =
        new Fields().put("due", due.toString()).put("text", text.strip()).put("done", "false");
    insertChild(
        actorId, cipher(row), CaseStore.Child.REMINDER, caseId, id, f, AuditKind.REMINDER_ADDED);
    return id;
  }

  /** Marks a reminder done. */
  public void completeReminder(String actorId, String caseId, String reminderId) {
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    CaseCipher c = cipher(row);
    CaseView.ReminderView r =
        reminders(c, caseId).stream()
            .filter(x -> x.id().equals(reminderId))
            .findFirst()
            .orElseThrow(
                () ->
                    new CaseException(
                        CaseException.Reason.NOT_FOUND, "There is no such reminder in this case."));
    Fields f =
        new Fields().put("due", r.due().toString()).put("text", r.text()).put("done", "true");
    byte[] data = c.encrypt(ref(caseId, "reminder", "data_enc", reminderId), f.encode());
    tx.run(
        () -> {
          store.updateChild(CaseStore.Child.REMINDER, caseId, reminderId, data);
          audit.append(new AuditEvent(AuditKind.REMINDER_DONE, actorId, caseId, reminderId));
        });
  }

  /** Today's date in the office's clock (UTC). */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * The open reminders due on or before {@code until} in the cases {@code actorId} may see; none of
   * a case whose row fails its authentication tag (the dashboard still opens).
   */
  public List<CaseView.ReminderView> remindersDue(String actorId, LocalDate until) {
    Set<String> recused = store.recusedCases(actorId);
    Map<String, CaseStore.CaseRow> open =
        store.caseList().sound().stream()
            .filter(r -> "OPEN".equals(r.status()) && !recused.contains(r.id()))
            .collect(Collectors.toMap(CaseStore.CaseRow::id, r -> r));
    List<CaseView.ReminderView> due = new ArrayList<>();
    for (CaseStore.ChildRow child : store.allChildren(CaseStore.Child.REMINDER)) {
      CaseStore.CaseRow row = open.get(child.caseId());
      if (row == null) {
        continue;
      }
      CaseView.ReminderView r = reminder(cipher(row), child);
      if (!r.done() && !r.due().isAfter(until)) {
        due.add(r);
      }
    }
    due.sort(Comparator.comparing(CaseView.ReminderView::due));
    return due;
  }

  private void insertChild(
      String actorId,
      CaseCipher c,
      CaseStore.Child table,
      String caseId,
      String id,
      Fields f,
      AuditKind kind) {
    byte[] data = c.encrypt(ref(caseId, tableName(table), "data_enc", id), f.encode());
    CaseStore.ChildRow row = new CaseStore.ChildRow(id, caseId, clock.instant(), data);
    tx.run(
        () -> {
          store.insertChild(table, row);
          audit.append(new AuditEvent(kind, actorId, caseId, id));
        });
    searchText.remove(caseId);
  }

  static String tableName(CaseStore.Child table) {
    return switch (table) {
      case PERSON -> "person";
      case CONTACT -> "contact";
      case OPTION -> "case_option";
      case REMINDER -> "reminder";
    };
  }

  private List<CaseView.PersonView> persons(CaseCipher c, String caseId) {
    return store.children(CaseStore.Child.PERSON, caseId).stream()
        .map(
            r -> {
              Fields f =
                  Fields.decode(c.decrypt(ref(caseId, "person", "data_enc", r.id()), r.data()));
              return new CaseView.PersonView(
                  r.id(),
                  PersonRole.valueOf(f.get("role")),
                  f.optional("name"),
                  f.get("pseudonym"),
                  f.optional("contract").map(ContractType::valueOf),
                  f.optional("gender").map(Gender::valueOf),
                  f.optional("age").map(AgeBand::valueOf),
                  f.optional("confidant").isPresent());
            })
        .toList();
  }

  private List<CaseView.NoteView> notes(CaseCipher c, String caseId) {
    return store.notes(caseId).stream()
        .map(
            n ->
                new CaseView.NoteView(
                    n.id(),
                    n.createdAt(),
                    n.authorId(),
                    text(c.decrypt(ref(caseId, "note", "body_enc", n.id()), n.body()))))
        .toList();
  }

  private List<CaseView.ContactView> contacts(CaseCipher c, String caseId) {
    return store.children(CaseStore.Child.CONTACT, caseId).stream()
        .map(
            r -> {
              Fields f =
                  Fields.decode(c.decrypt(ref(caseId, "contact", "data_enc", r.id()), r.data()));
              return new CaseView.ContactView(
                  r.id(),
                  LocalDate.parse(f.get("date")),
                  Modality.valueOf(f.get("modality")),
                  Integer.parseInt(f.get("minutes")),
                  f.optional("text"));
            })
        .sorted(Comparator.comparing(CaseView.ContactView::date))
        .toList();
  }

  private List<CaseView.OptionView> options(CaseCipher c, String caseId) {
    return store.children(CaseStore.Child.OPTION, caseId).stream()
        .map(
            r -> {
              Fields f =
                  Fields.decode(
                      c.decrypt(ref(caseId, "case_option", "data_enc", r.id()), r.data()));
              return new CaseView.OptionView(
                  r.id(),
                  OptionKind.valueOf(f.get("kind")),
                  Decision.valueOf(f.get("decision")),
                  f.optional("reason"));
            })
        .toList();
  }

  private List<CaseView.ReminderView> reminders(CaseCipher c, String caseId) {
    return store.children(CaseStore.Child.REMINDER, caseId).stream()
        .map(r -> reminder(c, r))
        .sorted(Comparator.comparing(CaseView.ReminderView::due))
        .toList();
  }

  private static CaseView.ReminderView reminder(CaseCipher c, CaseStore.ChildRow r) {
    Fields f = Fields.decode(c.decrypt(ref(r.caseId(), "reminder", "data_enc", r.id()), r.data()));
    return new CaseView.ReminderView(
        r.id(),
        r.caseId(),
        LocalDate.parse(f.get("due")),
        f.get("text"),
        Boolean.parseBoolean(f.get("done")));
  }

  // ---------------------------------------------------------------- independence

  /**
   * Recuses {@code actorId} from a case for a conflict of interest and hands the case to {@code
   * handoverTo} (another Ombuds of the office). From then on the case is refused to the actor.
   */
  public void recuse(String actorId, String caseId, String handoverTo) {
    CaseStore.CaseRow row = requireVisible(actorId, caseId);
    if (handoverTo.equals(actorId)) {
      throw new CaseException(
          CaseException.Reason.INVALID, "Hand the case to another Ombuds, not to yourself.");
    }
    if (!policy.isActiveOmbuds(handoverTo)) {
      throw new CaseException(
          CaseException.Reason.INVALID, "Hand the case to an active Ombuds of this office.");
    }
    if (store.recusedAccounts(caseId).contains(handoverTo)) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "That Ombuds is recused from this case too: choose another.");
    }
    CaseStore.CaseRow handed =
        new CaseStore.CaseRow(
            row.id(),
            row.wrappedKey(),
            row.status(),
            row.openedAt(),
            row.closedAt(),
            row.version(),
            row.handlerId().equals(actorId) || row.handlerId().isEmpty()
                ? handoverTo
                : row.handlerId(),
            row.title(),
            row.categories(),
            row.unitName(),
            row.unitSize(),
            row.composition(),
            row.outcome(),
            row.destroyAfter());
    tx.run(
        () -> {
          store.insertRecusal(caseId, actorId, clock.instant());
          store.updateCase(handed, row.version());
          audit.append(new AuditEvent(AuditKind.CASE_RECUSED, actorId, caseId, handoverTo));
        });
  }

  /**
   * What a hand-over did: how many cases moved, and the cases it left with their handler because
   * the receiving Ombuds is recused from them (hand those to someone else).
   */
  public record HandOver(int handedOver, List<String> skipped) {
    public HandOver {
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Hands every case handled by {@code fromAccount} to {@code toAccount} (an Ombuds leaving),
   * except the cases {@code toAccount} is recused from: a recused Ombuds never handles the case.
   */
  public HandOver handOver(String actorId, String fromAccount, String toAccount) {
    if (fromAccount.equals(toAccount)) {
      throw new CaseException(CaseException.Reason.INVALID, "Hand the cases to another Ombuds.");
    }
    if (!policy.isActiveOmbuds(toAccount)) {
      throw new CaseException(
          CaseException.Reason.INVALID, "Hand the cases to an active Ombuds of this office.");
    }
    return tx.inTransaction(
        () -> {
          Set<String> recused = store.recusedCases(toAccount);
          List<String> skipped =
              store.listCases().stream()
                  .filter(r -> r.handlerId().equals(fromAccount) && recused.contains(r.id()))
                  .map(CaseStore.CaseRow::id)
                  .sorted()
                  .toList();
          int n = store.reassignCases(fromAccount, toAccount);
          audit.append(
              new AuditEvent(AuditKind.CASES_HANDED_OVER, actorId, fromAccount, toAccount));
          for (String caseId : skipped) {
            audit.append(
                new AuditEvent(AuditKind.CASES_HANDED_OVER, actorId, caseId, "skipped-recused"));
          }
          return new HandOver(n, skipped);
        });
  }

  /**
   * Recuses {@code toAccount} from every case {@code fromAccount} is recused from (a new account
   * made by {@code fromAccount}: a second account must not open what its creator may not read).
   *
   * @return how many recusals were added
   */
  public int inheritRecusals(String actorId, String fromAccount, String toAccount) {
    return tx.inTransaction(
        () -> {
          Set<String> theirs = store.recusedCases(toAccount);
          int n = 0;
          for (String caseId : store.recusedCases(fromAccount)) {
            if (!theirs.contains(caseId)) {
              store.insertInheritedRecusal(caseId, toAccount, fromAccount, clock.instant());
              n++;
            }
          }
          audit.append(
              new AuditEvent(
                  AuditKind.RECUSALS_INHERITED, actorId, toAccount, Integer.toString(n)));
          return n;
        });
  }

  /**
   * Lifts the recusals {@code accountId} inherited from its creator (a new account confirmed by a
   * second Ombuds); recusals it declared itself stay.
   */
  public void liftRecusals(String actorId, String accountId) {
    tx.run(
        () -> {
          int n = store.deleteInheritedRecusals(accountId);
          audit.append(
              new AuditEvent(AuditKind.RECUSALS_LIFTED, actorId, accountId, Integer.toString(n)));
        });
  }

  // ---------------------------------------------------------------- closing

  /**
   * Closes a case: records the outcome, keeps a de-identified statistical record under the office
   * key, and destroys the case's content at once or after the office's grace period.
   */
  public void close(String actorId, String caseId, Outcome outcome) {
    CaseStore.CaseRow row = requireOpen(actorId, caseId);
    CaseCipher c = cipher(row);
    CaseView v = view(row, c, true);
    OfficeKeys k = unlocked();
    Instant now = clock.instant();
    StatisticalRecord stats = statistics(v, outcome, now);
    String statId = Ids.newId();
    byte[] statData =
        vault.encryptOffice(k, FieldRef.office("stat_record", "data_enc", statId), stats.encode());
    Instant destroyAt = now.plus(Duration.ofDays(policy.graceDays()));
    CaseStore.CaseRow closed =
        new CaseStore.CaseRow(
            row.id(),
            row.wrappedKey(),
            "CLOSED",
            row.openedAt(),
            Optional.of(now),
            row.version() + 1,
            row.handlerId(),
            row.title(),
            row.categories(),
            row.unitName(),
            row.unitSize(),
            row.composition(),
            Optional.of(
                c.encrypt(ref(caseId, "case_file", "outcome_enc", caseId), utf8(outcome.name()))),
            Optional.of(destroyAt));
    boolean ok =
        tx.inTransaction(
            () -> {
              if (!store.updateCase(closed, row.version())) {
                return false;
              }
              store.insertStatRecord(statId, statData);
              audit.append(new AuditEvent(AuditKind.CASE_CLOSED, actorId, caseId, outcome.name()));
              return true;
            });
    if (!ok) {
      throw new CaseException(
          CaseException.Reason.CONFLICT,
          "Someone else changed this case at the same moment: reload it and close it again.");
    }
    searchText.remove(caseId);
    if (!destroyAt.isAfter(now)) {
      destroyDue();
    }
  }

  /**
   * The case's de-identified record. It counts in the year the case is closed, not the year it was
   * opened: a year's figures then stop changing when the year ends, so two editions of a past
   * year's report cannot be compared to single out a case closed in between.
   */
  static StatisticalRecord statistics(CaseView v, Outcome outcome, Instant closedAt) {
    List<StatisticalRecord.Visitor> visitors =
        v.persons().stream()
            .filter(p -> p.role() == PersonRole.VISITOR)
            .map(
                p ->
                    new StatisticalRecord.Visitor(
                        p.contractType().map(Enum::name).orElse(""),
                        p.gender().map(Enum::name).orElse(""),
                        p.ageBand().map(Enum::name).orElse("")))
            .toList();
    return new StatisticalRecord(
        closedAt.atZone(ZoneOffset.UTC).getYear(),
        v.categories(),
        visitors,
        v.contacts().size(),
        v.contacts().stream().mapToInt(CaseView.ContactView::minutes).sum(),
        v.options().stream().map(o -> o.kind().name() + ":" + o.decision().name()).toList(),
        outcome.name());
  }

  /**
   * Destroys the content of every closed case whose grace period has ended: its rows and its key.
   * Needs no office key, so the daily job and the command line can run it while the office is
   * locked.
   *
   * <p>A case file whose row fails its authentication tag (edited in the database) is left as it
   * is, since nothing it says (closed, when) can be trusted, and the others are destroyed all the
   * same: one edited row must not keep every other case's content past its date. It is recorded in
   * the audit log ({@link AuditKind#DESTRUCTION_SKIPPED}, once per run of the office) and {@code
   * ombuds audit verify} names it. So is a due case whose destruction meets such a row (a portal
   * thread of the case, say): that case is left whole and the next ones are destroyed.
   *
   * @return how many cases were destroyed
   */
  public int destroyDue() {
    CaseStore.Due found = store.dueForDestruction(clock.instant());
    found.tampered().forEach(caseId -> skipped(caseId, "case_file"));
    int destroyed = 0;
    for (String caseId : found.due()) {
      try {
        tx.run(
            () -> {
              store.destroyCase(caseId);
              audit.append(new AuditEvent(AuditKind.CASE_DESTROYED, "system", caseId, "ok"));
            });
      } catch (TamperedRowException e) {
        // A row the destruction writes (a thread of the case, say) was edited: this case waits,
        // rolled back whole, and the next ones are destroyed all the same.
        skipped(caseId, e.table());
        continue;
      }
      destroyed++;
      ciphers.remove(caseId);
      searchText.remove(caseId);
    }
    if (destroyed > 0) {
      store.compact();
    }
    return destroyed;
  }

  /** Records, once per run of the office, that a case was left out of the destruction. */
  private void skipped(String caseId, String table) {
    if (skipped.add(caseId)) {
      String subject = Ids.isId(caseId) ? caseId : "case_file";
      String outcome = AuditEvent.isIdentifier(table) ? "tampered:" + table : "tampered";
      tx.run(
          () ->
              audit.append(
                  new AuditEvent(AuditKind.DESTRUCTION_SKIPPED, "system", subject, outcome)));
    }
  }

  // ---------------------------------------------------------------- office settings

  /** The office's own category codes: an upper-case letter, then letters, digits or dashes. */
  public void putOfficeCategory(String actorId, String code, String label) {
    String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (!c.matches("[A-Z][A-Z0-9-]{1,19}")) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "An office category code starts with a letter and has 2 to 20 letters, digits or dashes (IOA codes start with a digit).");
    }
    if (label == null || label.isBlank() || label.length() > 200) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "An office category needs a label of at most 200 characters.");
    }
    tx.run(
        () -> {
          policy.putOfficeCategory(c, label.strip());
          audit.append(new AuditEvent(AuditKind.SETTINGS_CHANGED, actorId, "office-category", c));
        });
  }

  /** Sets the grace period between closing and destruction, 0 to 90 days. */
  public void setGraceDays(String actorId, int days) {
    if (days < 0 || days > OfficePolicy.MAX_GRACE_DAYS) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "The grace period is 0 to " + OfficePolicy.MAX_GRACE_DAYS + " days.");
    }
    tx.run(
        () -> {
          policy.setGraceDays(days);
          audit.append(
              new AuditEvent(
                  AuditKind.SETTINGS_CHANGED, actorId, "grace-days", Integer.toString(days)));
        });
  }

  /** The office's settings for the case file. */
  public OfficePolicy policy() {
    return policy;
  }

  // ---------------------------------------------------------------- access

  /**
   * A case of the office seen by an office-wide check whose outcome shows nothing of it: the
   * anonymity estimate counts the releases to the same recipient about the same work unit, from any
   * case, also one the current Ombuds is recused from (only a count reaches them).
   */
  public record OfficeWideCase(String id, String workUnit, CaseCipher cipher) {
    @Override
    public String toString() {
      return "OfficeWideCase[" + id + "]";
    }
  }

  /** See {@link OfficeWideCase}; empty for a case that is gone. */
  public Optional<OfficeWideCase> forOfficeWideCheck(String caseId) {
    return store
        .findCase(caseId)
        .map(
            row -> {
              CaseCipher c = cipher(row);
              return new OfficeWideCase(row.id(), view(row, c, false).workUnit().name(), c);
            });
  }

  /**
   * The cipher of a case that {@code actorId} may see, for the mandate's own rows (disclosures,
   * consents), so that they are destroyed with the case's key.
   */
  public CaseCipher cipherFor(String actorId, String caseId) {
    return cipher(requireVisible(actorId, caseId));
  }

  private CaseStore.CaseRow requireVisible(String actorId, String caseId) {
    if (!Ids.isId(caseId)) {
      throw notFound();
    }
    // One checked read gives the row and who is recused from it.
    CaseStore.RowAndRecusals found =
        store.findCaseWithRecusals(caseId).orElseThrow(CaseService::notFound);
    if (found.recusedAccounts().contains(actorId)) {
      // The same answer as for a case that does not exist: recusal reveals nothing.
      throw notFound();
    }
    return found.row();
  }

  private CaseStore.CaseRow requireOpen(String actorId, String caseId) {
    CaseStore.CaseRow row = requireVisible(actorId, caseId);
    if (!"OPEN".equals(row.status())) {
      throw new CaseException(
          CaseException.Reason.CLOSED, "This case is closed: nothing can be changed or added.");
    }
    return row;
  }

  private static CaseException notFound() {
    return new CaseException(CaseException.Reason.NOT_FOUND, "There is no such case.");
  }

  private static void requireText(String text, String what, int max) {
    if (text == null || text.isBlank()) {
      throw new CaseException(CaseException.Reason.INVALID, "The " + what + " needs some text.");
    }
    if (text.length() > max) {
      throw new CaseException(
          CaseException.Reason.INVALID,
          "The "
              + what
              + " is too long: at most "
              + max
              + " characters."
              + (max == MAX_NOTE ? " Split it in two notes." : ""));
    }
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

  /** Forgets every opened case key and decrypted search text (called when the office locks). */
  public void forgetKeys() {
    ciphers.clear();
    searchText.clear();
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
