package org.ombuds.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.ombuds.anonymity.Person;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.casefile.CaseException;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.PersonRole;
import org.ombuds.common.Fields;
import org.ombuds.common.Ids;
import org.ombuds.common.Transactions;
import org.ombuds.mandate.Basis;
import org.ombuds.mandate.DisclosureStatus;
import org.ombuds.mandate.DisclosureView;
import org.ombuds.mandate.DraftContent;
import org.ombuds.mandate.ExitCheck;
import org.ombuds.mandate.IdentityMode;
import org.ombuds.mandate.Mandate;
import org.ombuds.mandate.MandateException;
import org.ombuds.mandate.Outbound;
import org.ombuds.mandate.RiskView;
import org.ombuds.vault.CaseCipher;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Vault;

/**
 * The story editor's service.
 *
 * <p>A story drawn from a case is kept under the case's key and leaves the office only through the
 * mandate: {@link #sendForConsent} drafts an anonymous disclosure to {@link #RECIPIENT} on channel
 * {@link #CHANNEL} with the story as its text (the persons concerned default to the case's visitors
 * and witnesses), every later edit is an edit of that disclosure (a new version no earlier consent
 * covers), and {@link #releasedStory} hands out the {@link Outbound} of the released disclosure,
 * whose text is exactly what was consented to. Without it: 409 {@code consent_required}.
 *
 * <p>A story without a case is kept under the office key; {@link #clearedStory} checks its exact
 * text with the {@link ExitCheck} (every open case's names, pseudonyms, e-mail addresses, handles
 * and phone numbers, in any spelling) at each export and hands out a {@link ClearedStory} only when
 * none is found (409 {@code open_case_match} otherwise, with the matches the Ombuds may see). A
 * released story of a case passes the same check at each export, its own case's pseudonyms
 * excepted.
 *
 * <p>Every story carries the {@link Disclaimer}. Every step is audited with ids only.
 */
public final class Stories {
  /** Who a published story is disclosed to: the mandate's publication recipient. */
  public static final String RECIPIENT = DraftContent.PUBLIC;

  /** The channel of a published story's disclosure: the mandate's publication channel. */
  public static final String CHANNEL = DraftContent.PUBLICATION;

  /** The longest story, as the longest disclosure. */
  public static final int MAX_TEXT = DraftContent.MAX_TEXT;

  /** The largest audience accepted (the anonymity estimate's largest unit). */
  public static final int MAX_AUDIENCE = org.ombuds.anonymity.Context.MAX_UNIT_SIZE;

  private final StoryStore store;
  private final CaseService cases;
  private final Mandate mandate;
  private final Vault vault;
  private final Supplier<Optional<OfficeKeys>> keys;
  private final AuditLog audit;
  private final Transactions tx;
  private final java.time.Clock clock;
  private final Supplier<OptionalInt> officeAudience;
  private final ExitCheck exits;

  /**
   * @param keys the office keys while the office is unlocked
   * @param officeAudience the organization's personnel count when the office recorded one: the
   *     audience a new story starts with
   * @param exits the check every story passes on its way out
   */
  public Stories(
      StoryStore store,
      CaseService cases,
      Mandate mandate,
      Vault vault,
      Supplier<Optional<OfficeKeys>> keys,
      AuditLog audit,
      Transactions tx,
      java.time.Clock clock,
      Supplier<OptionalInt> officeAudience,
      ExitCheck exits) {
    this.store = store;
    this.cases = cases;
    this.mandate = mandate;
    this.vault = vault;
    this.keys = keys;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.officeAudience = officeAudience;
    this.exits = java.util.Objects.requireNonNull(exits, "exits");
  }

  // ---------------------------------------------------------------- drafting

  /**
   * The audience a new story starts with: the office's personnel count if recorded, else the
   * audience of the latest story, else none.
   */
  public OptionalInt defaultAudience() {
    OptionalInt office = officeAudience.get();
    if (office.isPresent()) {
      return office;
    }
    return store.all().stream().mapToInt(StoryStore.StoryRow::audience).findFirst();
  }

  /**
   * Drafts a story from a case: the case's notes with every person renamed (first mention "Jane*",
   * then "Jane"), under a heading, closed by the disclaimer in {@code lang}.
   */
  public StoryView fromCase(String actorId, String caseId, String lang, OptionalInt audience) {
    CaseView c = openCase(actorId, caseId);
    String text = draftFrom(c, lang);
    int size = audience(audience);
    String id = Ids.newId();
    Instant now = clock.instant();
    CaseCipher cipher = cases.cipherFor(actorId, caseId);
    StoryStore.StoryRow row =
        new StoryStore.StoryRow(
            id,
            Optional.of(caseId),
            Optional.empty(),
            1,
            size,
            now,
            now,
            cipher.encrypt(caseRef(caseId, id), encode(text)));
    tx.run(
        () -> {
          store.insert(row);
          audit.append(new AuditEvent(AuditKind.STORY_DRAFTED, actorId, caseId, id));
        });
    return view(actorId, row);
  }

  /** The draft text {@link #fromCase} starts with. */
  static String draftFrom(CaseView c, String lang) {
    boolean fr = "fr".equals(lang);
    List<Fictitious.Cast> cast =
        c.persons().stream()
            .filter(p -> p.name().isPresent())
            .map(p -> new Fictitious.Cast(p.name().get(), p.pseudonym()))
            .toList();
    StringBuilder body = new StringBuilder();
    for (CaseView.NoteView n : c.notes()) {
      body.append(n.text().strip()).append("\n\n");
    }
    if (body.isEmpty()) {
      String visitor =
          c.persons().stream()
              .filter(p -> p.role() == PersonRole.VISITOR)
              .map(CaseView.PersonView::pseudonym)
              .findFirst()
              .orElse("Jane*");
      body.append(
              fr
                  ? visitor + " est venu·e voir l’Ombuds pour parler d’une situation."
                  : visitor + " came to the Ombuds to share a concern.")
          .append("\n\n");
    }
    String heading = fr ? "Le coin de l’Ombuds" : "Ombuds’ corner";
    return heading + "\n\n" + Fictitious.rename(body.toString(), cast) + Disclaimer.in(lang);
  }

  /** Writes a story without a case; kept under the office key. */
  public StoryView create(String actorId, String text, OptionalInt audience) {
    requireText(text);
    int size = audience(audience);
    String id = Ids.newId();
    Instant now = clock.instant();
    StoryStore.StoryRow row =
        new StoryStore.StoryRow(
            id,
            Optional.empty(),
            Optional.empty(),
            1,
            size,
            now,
            now,
            vault.encryptOffice(unlocked(), officeRef(id), encode(text)));
    tx.run(
        () -> {
          store.insert(row);
          audit.append(new AuditEvent(AuditKind.STORY_DRAFTED, actorId, "office", id));
        });
    return view(actorId, row);
  }

  /**
   * Saves a new version. For a story sent for consent, the disclosure is edited too: the consents
   * given so far no longer cover it. A released story cannot change.
   *
   * @param versionRead the version the editor started from; refused with 409 {@code conflict} when
   *     another version was saved meanwhile
   */
  public StoryView edit(
      String actorId,
      String storyId,
      Optional<Integer> versionRead,
      String text,
      OptionalInt audience) {
    StoryStore.StoryRow row = require(actorId, storyId);
    requireText(text);
    if (versionRead.isPresent() && versionRead.get() != row.version()) {
      throw new StoryException(
          409, "conflict", "Someone saved another version of this story meanwhile: reload it.");
    }
    int size = audience.isPresent() ? checkAudience(audience.getAsInt()) : row.audience();
    Instant now = clock.instant();
    Optional<String> caseId = row.caseId();
    byte[] data;
    Optional<DisclosureView> sent = Optional.empty();
    if (caseId.isPresent()) {
      openCase(actorId, caseId.get());
      sent = disclosure(actorId, row);
      if (sent.isPresent() && sent.get().status() == DisclosureStatus.RELEASED) {
        throw new StoryException(
            409,
            "already_released",
            "This story was released as consented: it cannot change. Write a new story instead.");
      }
      data =
          cases
              .cipherFor(actorId, caseId.get())
              .encrypt(caseRef(caseId.get(), storyId), encode(text));
    } else {
      data = vault.encryptOffice(unlocked(), officeRef(storyId), encode(text));
    }
    StoryStore.StoryRow next =
        new StoryStore.StoryRow(
            storyId,
            caseId,
            row.disclosureId(),
            row.version() + 1,
            size,
            row.createdAt(),
            now,
            data);
    Optional<DisclosureView> toEdit =
        sent.filter(d -> d.status() == DisclosureStatus.DRAFT && !d.content().text().equals(text));
    boolean ok =
        tx.inTransaction(
            () -> {
              if (!store.update(next, row.version())) {
                return false;
              }
              toEdit.ifPresent(
                  d ->
                      mandate.edit(
                          actorId,
                          d.caseId(),
                          d.id(),
                          Optional.of(d.version()),
                          publication(text, d.content().concerns())));
              audit.append(
                  new AuditEvent(
                      AuditKind.STORY_EDITED,
                      actorId,
                      caseId.orElse("office"),
                      storyId + ":v" + next.version()));
              return true;
            });
    if (!ok) {
      throw new StoryException(
          409, "conflict", "Someone else changed this story at the same time: reload it.");
    }
    return view(actorId, next);
  }

  /** The estimate {@code text} would get in story {@code storyId}; nothing saved or audited. */
  public RiskView preview(String actorId, String storyId, String text, OptionalInt audience) {
    StoryStore.StoryRow row = require(actorId, storyId);
    int size = audience.isPresent() ? checkAudience(audience.getAsInt()) : row.audience();
    return assess(actorId, row.caseId(), text, size);
  }

  /** One story. */
  public StoryView get(String actorId, String storyId) {
    return view(actorId, require(actorId, storyId));
  }

  /** The stories this Ombuds may see (not those of cases they are recused from), newest first. */
  public List<StoryView> list(String actorId) {
    List<StoryView> out = new ArrayList<>();
    for (StoryStore.StoryRow row : store.all()) {
      try {
        out.add(view(actorId, row));
      } catch (CaseException e) {
        if (e.reason() != CaseException.Reason.NOT_FOUND) {
          throw e;
        }
      }
    }
    out.sort(Comparator.comparing(StoryView::updatedAt).reversed());
    return out;
  }

  // ---------------------------------------------------------------- the ways out

  /**
   * Sends a story drawn from a case for consent: drafts the mandate's disclosure of it (anonymous,
   * to the public, the persons concerned being the case's visitors and witnesses). Sending again
   * while a disclosure is pending or released changes nothing.
   */
  public StoryView sendForConsent(String actorId, String storyId) {
    StoryStore.StoryRow row = require(actorId, storyId);
    String caseId = requireCase(row);
    openCase(actorId, caseId);
    Optional<DisclosureView> sent = disclosure(actorId, row);
    if (sent.isPresent() && sent.get().status() != DisclosureStatus.WITHDRAWN) {
      return view(actorId, row);
    }
    String text = decrypt(actorId, row);
    DisclosureView d = mandate.draft(actorId, caseId, publication(text, List.of()));
    StoryStore.StoryRow next =
        new StoryStore.StoryRow(
            row.id(),
            row.caseId(),
            Optional.of(d.id()),
            row.version() + 1,
            row.audience(),
            row.createdAt(),
            clock.instant(),
            row.data());
    boolean ok =
        tx.inTransaction(
            () -> {
              if (!store.update(next, row.version())) {
                return false;
              }
              audit.append(
                  new AuditEvent(
                      AuditKind.STORY_SENT_FOR_CONSENT, actorId, caseId, storyId + ":" + d.id()));
              return true;
            });
    if (!ok) {
      mandate.withdraw(actorId, caseId, d.id());
      throw new StoryException(
          409, "conflict", "Someone else changed this story at the same time: reload it.");
    }
    return view(actorId, next);
  }

  /**
   * The capability to export a story drawn from a case: the mandate's {@link Outbound} of its
   * released disclosure, whose text is exactly what the persons concerned consented to.
   *
   * @throws StoryException 409 {@code consent_required} when the story was not released, or not
   *     with the consent of every person concerned; 409 {@code not_publishable} when its disclosure
   *     is not anonymous to the public on the publication channel; 409 {@code disclaimer_missing}
   *     when the released text lacks the disclaimer
   */
  public Outbound releasedStory(String actorId, String storyId, String format) {
    StoryStore.StoryRow row = require(actorId, storyId);
    String caseId = requireCase(row);
    Optional<DisclosureView> sent = disclosure(actorId, row);
    if (sent.isEmpty() || sent.get().status() != DisclosureStatus.RELEASED) {
      throw refused(
          actorId,
          caseId,
          storyId,
          "consent_required",
          "This story is drawn from a case: it can only be exported once every person concerned"
              + " has consented to its exact text and it was released through the mandate."
              + (sent.isEmpty() ? " Send it for consent first." : ""));
    }
    // The mandate says on what basis it was released (one rule, in one place); the capability's
    // own fields are what is checked, so what is rendered is what was checked.
    Outbound out = mandate.outbound(actorId, caseId, sent.get().id(), "story-" + format);
    refuseUnpublishable(
        actorId,
        caseId,
        storyId,
        out.basis(),
        out.identity(),
        out.recipient(),
        out.channel(),
        out.text());
    // Consented to or not, a publication must not name anyone of another open case, nor give the
    // real names of its own (its pseudonyms are its fictitious names).
    ExitCheck.Verdict verdict =
        exits.check(
            actorId, ExitCheck.Exit.STORY, storyId, out.text(), ExitCheck.Own.story(caseId));
    if (!verdict.clears(out.text())) {
      tx.run(
          () ->
              audit.append(
                  new AuditEvent(AuditKind.STORY_EXPORTED, actorId, caseId, storyId + ":refused")));
      throw blocked(OpenCaseCheck.of(storyId, row.version(), out.text(), verdict, clock.instant()));
    }
    tx.run(
        () ->
            audit.append(
                new AuditEvent(AuditKind.STORY_EXPORTED, actorId, caseId, storyId + ":" + format)));
    return out;
  }

  /**
   * A released disclosure is a publishable story only if it was released with the consent of every
   * person concerned (never under the imminent-harm exception), anonymous, to the public on the
   * publication channel, with the disclaimer. The mandate refuses anything else on the way in; this
   * is the check on the way out.
   */
  private void refuseUnpublishable(
      String actorId,
      String caseId,
      String storyId,
      Basis basis,
      IdentityMode identity,
      String recipient,
      String channel,
      String text) {
    if (basis != Basis.CONSENT) {
      throw refused(
          actorId,
          caseId,
          storyId,
          "consent_required",
          "This story was not released with the consent of every person concerned: a story is"
              + " published only with their consent, never under the imminent-harm exception.");
    }
    if (identity != IdentityMode.ANONYMOUS) {
      throw refused(
          actorId,
          caseId,
          storyId,
          "not_publishable",
          "This story's disclosure is not anonymous: a story is published only anonymously.");
    }
    if (!RECIPIENT.equals(recipient) || !CHANNEL.equals(channel)) {
      throw refused(
          actorId,
          caseId,
          storyId,
          "not_publishable",
          "This story's disclosure is not addressed to the public as a publication: it cannot be"
              + " exported as a story.");
    }
    if (!Disclaimer.presentIn(text)) {
      throw refused(
          actorId,
          caseId,
          storyId,
          "disclaimer_missing",
          "This story's released text lacks the disclaimer that names and story are fictitious:"
              + " it cannot be published.");
    }
  }

  private StoryException refused(
      String actorId, String caseId, String storyId, String code, String message) {
    tx.run(
        () ->
            audit.append(
                new AuditEvent(AuditKind.STORY_EXPORTED, actorId, caseId, storyId + ":refused")));
    return new StoryException(409, code, message);
  }

  /**
   * The mandate's {@link org.ombuds.mandate.PublicationCheck}: every publication carries the
   * disclaimer, so an edit of a story's disclosure cannot drop it.
   */
  public static void requireDisclaimer(DraftContent content) {
    if (!Disclaimer.presentIn(content.text())) {
      throw new MandateException(
          422,
          "disclaimer_missing",
          "A publication ends with the disclaimer \""
              + Disclaimer.ENGLISH
              + "\" (or \""
              + Disclaimer.FRENCH
              + "\"): keep it in the text.");
    }
  }

  /**
   * Checks a story without a case with the {@link ExitCheck}: against the names, pseudonyms, e-mail
   * addresses, handles and phone numbers of every open case of the office, including those the
   * Ombuds is recused from (a match there is not shown: the outcome is blocked with the generic
   * refusal, and the case's other Ombuds are told). Audited with the outcome and the number of
   * matches shown only.
   */
  public OpenCaseCheck.Outcome check(String actorId, String storyId) {
    StoryStore.StoryRow row = require(actorId, storyId);
    if (row.caseId().isPresent()) {
      throw new StoryException(
          409,
          "from_a_case",
          "This story is drawn from a case: it leaves only with the consent of the persons concerned.");
    }
    String text = decrypt(actorId, row);
    OpenCaseCheck.Outcome outcome =
        OpenCaseCheck.of(
            storyId,
            row.version(),
            text,
            exits.check(actorId, ExitCheck.Exit.STORY, storyId, text, ExitCheck.Own.NONE),
            clock.instant());
    String result =
        switch (outcome) {
          case OpenCaseCheck.Outcome.Cleared c -> "cleared";
          case OpenCaseCheck.Outcome.Blocked b -> "blocked:" + b.matches().size();
        };
    tx.run(
        () ->
            audit.append(
                new AuditEvent(
                    AuditKind.STORY_CHECKED, actorId, "office", storyId + ":" + result)));
    return outcome;
  }

  /**
   * The capability to export a story without a case, checked now.
   *
   * @throws StoryException 409 {@code open_case_match} with the matches when the check finds a name
   */
  public ClearedStory clearedStory(String actorId, String storyId, String format) {
    return switch (check(actorId, storyId)) {
      case OpenCaseCheck.Outcome.Cleared c -> {
        tx.run(
            () ->
                audit.append(
                    new AuditEvent(
                        AuditKind.STORY_EXPORTED, actorId, "office", storyId + ":" + format)));
        yield c.story();
      }
      case OpenCaseCheck.Outcome.Blocked b -> throw blocked(b);
    };
  }

  private static StoryException blocked(OpenCaseCheck.Outcome outcome) {
    OpenCaseCheck.Outcome.Blocked b = (OpenCaseCheck.Outcome.Blocked) outcome;
    return new StoryException(409, "open_case_match", b.message(), b.matches());
  }

  // ---------------------------------------------------------------- helpers

  private StoryView view(String actorId, StoryStore.StoryRow row) {
    Optional<DisclosureView> sent = Optional.empty();
    if (row.caseId().isPresent()) {
      cases.cipherFor(actorId, row.caseId().get());
      sent = disclosure(actorId, row);
    }
    StoryStatus status =
        sent.map(
                d ->
                    switch (d.status()) {
                      case DRAFT -> StoryStatus.AWAITING_CONSENT;
                      case RELEASED -> StoryStatus.RELEASED;
                      case WITHDRAWN -> StoryStatus.WITHDRAWN;
                    })
            .orElse(StoryStatus.DRAFT);
    String text =
        sent.filter(d -> d.status() != DisclosureStatus.WITHDRAWN)
            .map(d -> d.content().text())
            .orElseGet(() -> decrypt(actorId, row));
    return new StoryView(
        row.id(),
        row.caseId(),
        row.version(),
        row.audience(),
        text,
        row.createdAt(),
        row.updatedAt(),
        status,
        sent.map(DisclosureView::id),
        assess(actorId, row.caseId(), text, row.audience()));
  }

  private RiskView assess(String actorId, Optional<String> caseId, String text, int audience) {
    List<Person> persons = List.of();
    String unit = "";
    if (caseId.isPresent()) {
      CaseView c = cases.get(actorId, caseId.get());
      persons =
          c.persons().stream()
              .map(
                  p ->
                      new Person(
                          p.name().orElse(""),
                          "",
                          p.role() == PersonRole.VISITOR || p.role() == PersonRole.WITNESS))
              .toList();
      unit = c.workUnit().name();
    }
    return StoryRisk.assess(text, persons, unit, audience, mandate.thresholds());
  }

  private Optional<DisclosureView> disclosure(String actorId, StoryStore.StoryRow row) {
    if (row.caseId().isEmpty() || row.disclosureId().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(mandate.get(actorId, row.caseId().get(), row.disclosureId().get()));
  }

  private static DraftContent publication(String text, List<String> concerns) {
    return DraftContent.publication(text, concerns);
  }

  private String decrypt(String actorId, StoryStore.StoryRow row) {
    byte[] plain =
        row.caseId().isPresent()
            ? cases
                .cipherFor(actorId, row.caseId().get())
                .decrypt(caseRef(row.caseId().get(), row.id()), row.data())
            : vault.decryptOffice(unlocked(), officeRef(row.id()), row.data());
    return Fields.decode(plain).get("text");
  }

  private StoryStore.StoryRow require(String actorId, String storyId) {
    if (!Ids.isId(storyId)) {
      throw notFound();
    }
    StoryStore.StoryRow row = store.find(storyId).orElseThrow(Stories::notFound);
    if (row.caseId().isPresent()) {
      try {
        // A recused Ombuds gets the answer for a story that does not exist.
        cases.cipherFor(actorId, row.caseId().get());
      } catch (CaseException e) {
        if (e.reason() == CaseException.Reason.NOT_FOUND) {
          throw notFound();
        }
        throw e;
      }
    }
    return row;
  }

  private static String requireCase(StoryStore.StoryRow row) {
    return row.caseId()
        .orElseThrow(
            () ->
                new StoryException(
                    409,
                    "not_from_a_case",
                    "This story is not drawn from a case: nobody's consent is asked; it is checked against the open cases when exported."));
  }

  private CaseView openCase(String actorId, String caseId) {
    CaseView c = cases.get(actorId, caseId);
    if (!c.isOpen()) {
      throw new StoryException(
          409, "case_closed", "This case is closed: its stories can no longer be written or sent.");
    }
    return c;
  }

  private static StoryException notFound() {
    return new StoryException(404, "not_found", "There is no such story.");
  }

  private int audience(OptionalInt given) {
    OptionalInt a = given.isPresent() ? given : defaultAudience();
    if (a.isEmpty()) {
      throw new StoryException(
          400,
          "invalid_request",
          "Say how many people read the series (the organization's personnel): the estimate needs the audience.");
    }
    return checkAudience(a.getAsInt());
  }

  private static int checkAudience(int audience) {
    if (audience < 1 || audience > MAX_AUDIENCE) {
      throw new StoryException(
          400,
          "invalid_request",
          "The audience is the number of people who read the series: between 1 and "
              + MAX_AUDIENCE
              + ".");
    }
    return audience;
  }

  private static void requireText(String text) {
    if (text == null || text.isBlank()) {
      throw new StoryException(400, "invalid_request", "A story needs a text.");
    }
    if (text.length() > MAX_TEXT) {
      throw new StoryException(
          400, "too_long", "A story is limited to " + MAX_TEXT + " characters.");
    }
    if (!Disclaimer.presentIn(text)) {
      throw new StoryException(
          422,
          "disclaimer_missing",
          "A story of the series ends with the disclaimer \""
              + Disclaimer.ENGLISH
              + "\" (or \""
              + Disclaimer.FRENCH
              + "\").");
    }
  }

  private OfficeKeys unlocked() {
    return keys.get()
        .orElseThrow(
            () ->
                new CaseException(
                    CaseException.Reason.LOCKED, "The office is locked: log in again."));
  }

  private static byte[] encode(String text) {
    return new Fields().put("text", text).encode();
  }

  private static FieldRef caseRef(String caseId, String storyId) {
    return FieldRef.inCase(caseId, "story", "data_enc", storyId);
  }

  private static FieldRef officeRef(String storyId) {
    return FieldRef.office("story", "data_enc", storyId);
  }
}
