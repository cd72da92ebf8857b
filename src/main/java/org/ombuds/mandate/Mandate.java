package org.ombuds.mandate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.ombuds.anonymity.AnonymityEstimator;
import org.ombuds.anonymity.Context;
import org.ombuds.anonymity.Estimate;
import org.ombuds.anonymity.Group;
import org.ombuds.anonymity.Person;
import org.ombuds.anonymity.Thresholds;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.PersonRole;
import org.ombuds.common.Fields;
import org.ombuds.common.Ids;
import org.ombuds.common.Transactions;
import org.ombuds.vault.CaseCipher;
import org.ombuds.vault.FieldRef;

/**
 * The single, narrow path by which anything about a case leaves the office.
 *
 * <p>A disclosure is drafted, edited (each edit a new content version, with a fresh anonymity
 * estimate), consented to by the persons concerned for one exact version, and then released or
 * withdrawn. {@link #release} asks {@link ReleasePolicy} and, only when it allows, marks the
 * disclosure released and mints the {@link Outbound} capability that renderers need. Everything is
 * audited with ids and outcomes only.
 *
 * <p>The invariants it keeps, whoever calls it and however often at once:
 *
 * <ul>
 *   <li><b>Who must consent is derived, not chosen.</b> Every confidant of the case (every visitor,
 *       and anyone the Ombuds marked as having spoken in confidence) is among the persons concerned
 *       of every draft; the Ombuds may add persons, never leave those out. A confidant recorded
 *       after drafting joins every open draft as a new version before anything is consented to or
 *       released.
 *   <li><b>One step at a time.</b> Edit, withdrawal, consent, revocation and release of one
 *       disclosure each run in one transaction that locks the disclosure and reads it afresh; every
 *       write is a compare-and-set on its status and version. A released disclosure never changes
 *       again, so its letter can always be produced.
 *   <li><b>Consent on the estimate of the moment.</b> The estimate is computed again when a consent
 *       is recorded and at the release, from the case and the office as they are then; a consent
 *       given on a better estimate is stale and does not count.
 * </ul>
 */
public final class Mandate {
  /** How far back releases to the same recipient about the same unit are counted. */
  public static final Duration RECENT_WINDOW = Duration.ofDays(90);

  private final DisclosureStore store;
  private final CaseService cases;
  private final AnonymityEstimator estimator = new AnonymityEstimator();
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final IntSupplier activeOmbuds;
  private final Supplier<? extends PendingConsents> pending;
  private final PublicationCheck publicationCheck;
  private final ExitCheck letterheadCheck;

  /** The ports the mandate's rules read, each required. */
  public record Ports(
      IntSupplier activeOmbuds,
      ExitCheck letterheadCheck,
      Supplier<? extends PendingConsents> pending,
      PublicationCheck publicationCheck) {
    /**
     * @param activeOmbuds how many active Ombuds accounts the office has (a second Ombuds can only
     *     be required when there is one)
     * @param letterheadCheck the check the letterhead passes: it is printed on every letter
     * @param pending where consents given while the office was locked wait (the visitor portal,
     *     made after the mandate, so bound later); applied before a disclosure is shown or
     *     released, so that they count in {@link ReleasePolicy}
     * @param publicationCheck what a publication's text must say besides the mandate's rules (the
     *     series' disclaimer), checked at every draft and edit of a publication
     */
    public Ports {
      java.util.Objects.requireNonNull(activeOmbuds, "activeOmbuds");
      java.util.Objects.requireNonNull(letterheadCheck, "letterheadCheck");
      java.util.Objects.requireNonNull(pending, "pending");
      java.util.Objects.requireNonNull(publicationCheck, "publicationCheck");
    }
  }

  public Mandate(
      DisclosureStore store,
      CaseService cases,
      AuditLog audit,
      Transactions tx,
      Clock clock,
      Ports ports) {
    this.store = store;
    this.cases = cases;
    this.audit = audit;
    this.tx = tx;
    this.clock = clock;
    this.activeOmbuds = ports.activeOmbuds();
    this.letterheadCheck = ports.letterheadCheck();
    this.pending = ports.pending();
    this.publicationCheck = ports.publicationCheck();
  }

  // ---------------------------------------------------------------- drafting

  /** Drafts a disclosure; returns it with its anonymity estimate. */
  public DisclosureView draft(String actorId, String caseId, DraftContent content) {
    CaseView c = openCase(actorId, caseId);
    DraftContent checked = withConcerns(c, content);
    checkPublication(Optional.empty(), checked);
    CaseCipher cipher = cases.cipherFor(actorId, caseId);
    RiskView risk = estimate(c, checked);
    String id = Ids.newId();
    DisclosureStore.DisclosureRow row =
        new DisclosureStore.DisclosureRow(
            id,
            caseId,
            DisclosureStatus.DRAFT.name(),
            1,
            clock.instant(),
            Optional.empty(),
            cipher.encrypt(ref(caseId, "disclosure", id), encode(checked, risk, Optional.empty())));
    tx.run(
        () -> {
          store.insertDisclosure(row);
          audit.append(new AuditEvent(AuditKind.DISCLOSURE_DRAFTED, actorId, caseId, id));
        });
    return view(cipher, row, Optional.of(risk));
  }

  /**
   * The anonymity estimate {@code content} would get if it were drafted or saved now, for a live
   * preview while the Ombuds types. Nothing is stored and nothing is audited: the same checks and
   * the same estimate as {@link #draft}, without the write.
   */
  public RiskView preview(String actorId, String caseId, DraftContent content) {
    CaseView c = openCase(actorId, caseId);
    return estimate(c, withConcerns(c, content));
  }

  /** Replaces a draft's content: a new version, which no earlier consent covers. */
  public DisclosureView edit(
      String actorId, String caseId, String disclosureId, DraftContent content) {
    return edit(actorId, caseId, disclosureId, Optional.empty(), content);
  }

  /**
   * As {@link #edit(String, String, String, DraftContent)}, refused with 409 {@code conflict} when
   * the draft is no longer at {@code versionRead} (someone saved another version meanwhile).
   */
  public DisclosureView edit(
      String actorId,
      String caseId,
      String disclosureId,
      Optional<Integer> versionRead,
      DraftContent content) {
    CaseView c = openCase(actorId, caseId);
    CaseCipher cipher = cases.cipherFor(actorId, caseId);
    return tx.inTransaction(
        () -> {
          DisclosureStore.DisclosureRow row = lock(caseId, disclosureId);
          requireDraft(row);
          if (versionRead.isPresent() && versionRead.get() != row.version()) {
            throw new MandateException(
                409,
                "conflict",
                "Someone saved another version of this draft meanwhile: reload it.");
          }
          DraftContent before = content(cipher, row);
          // The kind is the draft's own: an edit cannot turn a story into a letter or back.
          DraftContent checked = withConcerns(c, content.as(before.kind()));
          checkPublication(Optional.of(before), checked);
          return newVersion(actorId, c, cipher, row, checked, "");
        });
  }

  /**
   * Stores {@code content} as the next version of the draft {@code row} (locked by the caller's
   * transaction), with its estimate of the moment.
   */
  private DisclosureView newVersion(
      String actorId,
      CaseView c,
      CaseCipher cipher,
      DisclosureStore.DisclosureRow row,
      DraftContent content,
      String why) {
    RiskView risk = estimate(c, content);
    DisclosureStore.DisclosureRow next =
        new DisclosureStore.DisclosureRow(
            row.id(),
            row.caseId(),
            DisclosureStatus.DRAFT.name(),
            row.version() + 1,
            row.createdAt(),
            Optional.empty(),
            cipher.encrypt(
                ref(row.caseId(), "disclosure", row.id()),
                encode(content, risk, Optional.empty())));
    if (!store.updateDisclosure(next, row.version(), DisclosureStatus.DRAFT)) {
      throw conflict();
    }
    audit.append(
        new AuditEvent(
            AuditKind.DISCLOSURE_EDITED,
            actorId,
            row.caseId(),
            row.id() + ":v" + next.version() + why));
    return view(cipher, next, Optional.of(risk));
  }

  /**
   * A draft written before one of the case's confidants was recorded does not concern them yet:
   * they join it as a new version (which no earlier consent covers), inside the caller's
   * transaction, before anything is consented to or released.
   */
  private DisclosureStore.DisclosureRow withEveryConfidant(
      String actorId, CaseView c, CaseCipher cipher, DisclosureStore.DisclosureRow row) {
    if (!row.status().equals(DisclosureStatus.DRAFT.name())) {
      return row;
    }
    DraftContent content = content(cipher, row);
    if (content.concerns().containsAll(c.confidants())) {
      return row;
    }
    newVersion(actorId, c, cipher, row, withConcerns(c, content), ":confidant-joined");
    return lock(c.id(), row.id());
  }

  /** Withdraws a draft: it can no longer be consented to or released. */
  public void withdraw(String actorId, String caseId, String disclosureId) {
    openCase(actorId, caseId);
    tx.run(
        () -> {
          DisclosureStore.DisclosureRow row = lock(caseId, disclosureId);
          requireDraft(row);
          DisclosureStore.DisclosureRow next =
              new DisclosureStore.DisclosureRow(
                  row.id(),
                  caseId,
                  DisclosureStatus.WITHDRAWN.name(),
                  row.version(),
                  row.createdAt(),
                  Optional.empty(),
                  row.data());
          if (!store.updateDisclosure(next, row.version(), DisclosureStatus.DRAFT)) {
            throw conflict();
          }
          audit.append(
              new AuditEvent(AuditKind.DISCLOSURE_WITHDRAWN, actorId, caseId, disclosureId));
        });
  }

  /** The disclosures of a case, newest first, each with the estimate of its version. */
  public List<DisclosureView> list(String actorId, String caseId) {
    CaseCipher cipher = cases.cipherFor(actorId, caseId);
    List<DisclosureView> out = new ArrayList<>();
    for (DisclosureStore.DisclosureRow row : store.disclosures(caseId)) {
      out.add(view(cipher, row, Optional.empty()));
    }
    out.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
    return out;
  }

  /**
   * One disclosure with its consents. A draft is shown with the persons concerned it has now (every
   * confidant of the case among them) and the anonymity estimate of the moment.
   */
  public DisclosureView get(String actorId, String caseId, String disclosureId) {
    CaseCipher cipher = cases.cipherFor(actorId, caseId);
    pending.get().apply(actorId, caseId, disclosureId);
    DisclosureStore.DisclosureRow row = requireDisclosure(caseId, disclosureId);
    if (!row.status().equals(DisclosureStatus.DRAFT.name())) {
      return view(cipher, row, Optional.empty());
    }
    CaseView c = cases.get(actorId, caseId);
    if (!c.isOpen()) {
      return view(cipher, row, Optional.empty());
    }
    DisclosureStore.DisclosureRow current =
        content(cipher, row).concerns().containsAll(c.confidants())
            ? row
            : tx.inTransaction(
                () -> withEveryConfidant(actorId, c, cipher, lock(caseId, disclosureId)));
    if (!current.status().equals(DisclosureStatus.DRAFT.name())) {
      return view(cipher, current, Optional.empty());
    }
    return view(cipher, current, Optional.of(estimate(c, content(cipher, current))));
  }

  // ---------------------------------------------------------------- consent

  /**
   * What a person was shown when they consented: the version, and the anonymity estimate when the
   * caller knows which one was shown (the page or the portal copy they read).
   */
  public record Shown(int version, Optional<Exposure> estimate) {
    /**
     * The version shown, with the estimate of the moment (computed when the consent is recorded).
     */
    public static Shown version(int version) {
      return new Shown(version, Optional.empty());
    }

    /** The version shown with the estimate shown beside it. */
    public static Shown withEstimate(int version, Exposure estimate) {
      return new Shown(version, Optional.of(estimate));
    }
  }

  /**
   * Records the consent of {@code personId} to the version {@code shown}, with a copy of exactly
   * what was shown, and the estimate they saw.
   *
   * @throws MandateException 409 {@code version_changed} if the draft is no longer at that version,
   *     409 {@code estimate_changed} if the estimate of the moment is worse than the one shown
   */
  public String consent(
      String actorId,
      String caseId,
      String disclosureId,
      String personId,
      ConsentMethod method,
      Shown shown) {
    CaseView c = openCase(actorId, caseId);
    CaseCipher cipher = cases.cipherFor(actorId, caseId);
    return tx.inTransaction(
        () -> {
          DisclosureStore.DisclosureRow row =
              withEveryConfidant(actorId, c, cipher, lock(caseId, disclosureId));
          requireDraft(row);
          if (shown.version() != row.version()) {
            throw new MandateException(
                409,
                "version_changed",
                "The draft changed after it was shown: show the current version ("
                    + row.version()
                    + ") and ask again.");
          }
          DraftContent content = content(cipher, row);
          if (!content.concerns().contains(personId)) {
            throw new MandateException(
                422,
                "not_concerned",
                "That person is not concerned by this disclosure: only the persons concerned"
                    + " consent.");
          }
          RiskView now = estimate(c, content);
          Exposure seen = shown.estimate().orElse(Exposure.of(now));
          if (Exposure.of(now).isWorseThan(seen)) {
            throw new MandateException(
                409,
                "estimate_changed",
                "The anonymity estimate got worse since it was shown (now "
                    + now.level()
                    + ", "
                    + now.anonymitySet()
                    + " people fit): show the new estimate and ask again. Nothing was recorded.");
          }
          String id = Ids.newId();
          Fields record =
              new Fields()
                  .put("recipient", content.recipient())
                  .put("identity", content.identity().name())
                  .put("channel", content.channel())
                  .put("text", content.text())
                  .put("concerns", String.join(",", content.concerns()))
                  .put("riskLevel", seen.level())
                  .put("anonymitySet", Integer.toString(seen.anonymitySet()));
          store.insertConsent(
              new DisclosureStore.ConsentRow(
                  id,
                  disclosureId,
                  caseId,
                  personId,
                  row.version(),
                  method.name(),
                  clock.instant(),
                  Optional.empty(),
                  cipher.encrypt(ref(caseId, "consent", id), record.encode())));
          audit.append(
              new AuditEvent(
                  AuditKind.CONSENT_GIVEN,
                  actorId,
                  caseId,
                  disclosureId + ":" + id + ":" + method.name()));
          return id;
        });
  }

  /** Revokes a consent; possible until the disclosure is released. */
  public void revoke(String actorId, String caseId, String consentId) {
    cases.cipherFor(actorId, caseId);
    tx.run(
        () -> {
          DisclosureStore.ConsentRow c =
              store
                  .findConsent(caseId, consentId)
                  .orElseThrow(
                      () ->
                          new MandateException(
                              404, "not_found", "There is no such consent in this case."));
          DisclosureStore.DisclosureRow row = lock(caseId, c.disclosureId());
          if (row.status().equals(DisclosureStatus.RELEASED.name())) {
            throw new MandateException(
                409,
                "already_released",
                "The disclosure was already released: a consent can only be revoked before.");
          }
          store.revokeConsent(consentId, clock.instant());
          audit.append(
              new AuditEvent(
                  AuditKind.CONSENT_REVOKED, actorId, caseId, c.disclosureId() + ":" + consentId));
        });
  }

  /**
   * Revokes the consent that its visitor has just withdrawn in the portal, in the visitor's own
   * transaction (the caller's), so that the withdrawal stands in the consent's own row from then
   * on: neither a crash before an Ombuds next opens the draft nor the loss of the portal's request
   * row can bring the consent back. Needs no Ombuds and no office key (the office may be locked).
   *
   * <p>The time recorded is the day of the withdrawal (or, on the day the consent was given, that
   * moment), as for every step a visitor takes: an exact time would tie a visit seen on the network
   * to the case. The audit log records the withdrawal as the visitor's step; the mandate's own
   * entry follows when an Ombuds next opens or releases the disclosure, as for a grant.
   *
   * @return whether a consent was revoked now (false: none such, or revoked already)
   * @throws MandateException 409 {@code already_released} once the disclosure was released
   */
  public boolean withdrawnInPortal(String caseId, String disclosureId, String consentId) {
    return tx.inTransaction(
        () -> {
          DisclosureStore.DisclosureRow row = lock(caseId, disclosureId);
          if (row.status().equals(DisclosureStatus.RELEASED.name())) {
            throw new MandateException(
                409,
                "already_released",
                "The disclosure was already released: a consent can only be revoked before.");
          }
          Optional<DisclosureStore.ConsentRow> c = store.findConsent(caseId, consentId);
          if (c.isEmpty()
              || !c.get().disclosureId().equals(disclosureId)
              || c.get().revokedAt().isPresent()) {
            return false;
          }
          Instant day = clock.instant().truncatedTo(ChronoUnit.DAYS);
          Instant at = day.isBefore(c.get().givenAt()) ? c.get().givenAt() : day;
          return store.revokeConsent(consentId, at);
        });
  }

  // ---------------------------------------------------------------- release

  /** What a release request came to. */
  public sealed interface ReleaseOutcome {
    /** Released: the disclosure and the capability to send it. */
    record Released(DisclosureView disclosure, Outbound outbound) implements ReleaseOutcome {}

    /** Refused by the policy; nothing left the office. */
    record Refused(ReleasePolicy.Decision decision) implements ReleaseOutcome {}

    /** The exception is met but needs a second Ombuds: the determination to confirm. */
    record AwaitingConfirmation(String determinationId) implements ReleaseOutcome {}
  }

  /**
   * Releases a draft if the mandate allows it. Under the exception, the determination is recorded
   * (and audited) whatever the outcome; {@code confirm} names a determination recorded earlier by
   * another Ombuds, which this caller confirms.
   */
  public ReleaseOutcome release(
      String actorId,
      String caseId,
      String disclosureId,
      Basis basis,
      Optional<Determination> determination,
      Optional<String> confirm) {
    CaseView c = openCase(actorId, caseId);
    CaseCipher cipher = cases.cipherFor(actorId, caseId);
    // One transaction from the visitors' pending grants and withdrawals to the decision and its
    // record, on the locked disclosure: a withdrawal, an edit or a consent lands wholly before the
    // release (and counts) or wholly after it (and is refused as too late), never in between.
    return tx.inTransaction(
        () -> decideAndRecord(actorId, c, disclosureId, basis, determination, confirm, cipher));
  }

  private ReleaseOutcome decideAndRecord(
      String actorId,
      CaseView c,
      String disclosureId,
      Basis basis,
      Optional<Determination> determination,
      Optional<String> confirm,
      CaseCipher cipher) {
    String caseId = c.id();
    pending.get().apply(actorId, caseId, disclosureId);
    DisclosureStore.DisclosureRow row =
        withEveryConfidant(actorId, c, cipher, lock(caseId, disclosureId));
    DraftContent content = content(cipher, row);
    Optional<Determination> judged = determination;
    boolean confirmed = false;
    Optional<String> determinationId = Optional.empty();
    if (basis == Basis.IMMINENT_HARM && confirm.isPresent()) {
      DisclosureStore.DeterminationRow det =
          store
              .findDetermination(disclosureId, confirm.get())
              .orElseThrow(
                  () ->
                      new MandateException(
                          404, "not_found", "There is no such determination for this disclosure."));
      if (det.authorId().equals(actorId)) {
        throw new MandateException(
            422,
            "exception_not_met",
            "The confirmation must come from a second Ombuds, not from the one who made the determination.");
      }
      if (det.version() != row.version()) {
        throw new MandateException(
            409, "version_changed", "The draft changed after the determination: make a new one.");
      }
      judged = Optional.of(decodeDetermination(cipher, caseId, det));
      confirmed = true;
      determinationId = Optional.of(det.id());
    }
    boolean draft = row.status().equals(DisclosureStatus.DRAFT.name());
    // The estimate of the moment, only for a draft (a released text's estimate no longer matters).
    RiskView now = draft ? estimate(c, content) : storedRisk(cipher, row);
    boolean needsSecond = store.exceptionNeedsSecond() && activeOmbuds.getAsInt() > 1;
    ReleasePolicy.Request request =
        new ReleasePolicy.Request(
            DisclosureStatus.valueOf(row.status()),
            row.version(),
            content.concerns(),
            consentFacts(cipher, caseId, disclosureId),
            Exposure.of(now),
            basis,
            judged,
            needsSecond,
            confirmed,
            content.isPublication());
    ReleasePolicy.Decision decision = ReleasePolicy.decide(request);
    if (basis == Basis.IMMINENT_HARM && determination.isPresent() && confirm.isEmpty() && draft) {
      determinationId =
          Optional.of(
              recordDetermination(actorId, caseId, row, cipher, determination.get(), decision));
    }
    return switch (decision) {
      case ReleasePolicy.Decision.Allowed allowed ->
          released(
              actorId,
              caseId,
              row,
              cipher,
              content,
              now,
              allowed.basis(),
              determinationId,
              confirmed);
      case ReleasePolicy.Decision.ConfirmationRequired waiting ->
          new ReleaseOutcome.AwaitingConfirmation(determinationId.orElseThrow());
      default -> {
        audit.append(
            new AuditEvent(
                AuditKind.RELEASE_REFUSED, actorId, caseId, disclosureId + ":" + code(decision)));
        if (decision instanceof ReleasePolicy.Decision.EstimateChanged stale) {
          // The visitors who consented in the portal on the earlier estimate are asked again,
          // with the estimate of the moment.
          pending.get().estimateChanged(actorId, caseId, disclosureId, stale.personIds());
        }
        yield new ReleaseOutcome.Refused(decision);
      }
    };
  }

  private String recordDetermination(
      String actorId,
      String caseId,
      DisclosureStore.DisclosureRow row,
      CaseCipher cipher,
      Determination det,
      ReleasePolicy.Decision decision) {
    String id = Ids.newId();
    Fields f =
        new Fields()
            .put("threat", det.threat())
            .put("target", det.target().name())
            .put("imminent", Boolean.toString(det.imminent()))
            .put("serious", Boolean.toString(det.serious()))
            .put("reasoning", det.reasoning());
    DisclosureStore.DeterminationRow r =
        new DisclosureStore.DeterminationRow(
            id,
            row.id(),
            caseId,
            row.version(),
            actorId,
            clock.instant(),
            Optional.empty(),
            cipher.encrypt(ref(caseId, "determination", id), f.encode()));
    tx.run(
        () -> {
          store.insertDetermination(r);
          audit.append(
              new AuditEvent(
                  AuditKind.EXCEPTION_DETERMINED,
                  actorId,
                  caseId,
                  row.id()
                      + ":"
                      + id
                      + ":"
                      + (decision instanceof ReleasePolicy.Decision.ExceptionNotMet
                          ? "not-met"
                          : "met")));
        });
    return id;
  }

  private static Determination decodeDetermination(
      CaseCipher cipher, String caseId, DisclosureStore.DeterminationRow det) {
    Fields f = Fields.decode(cipher.decrypt(ref(caseId, "determination", det.id()), det.data()));
    return new Determination(
        f.get("threat"),
        Determination.Target.valueOf(f.get("target")),
        Boolean.parseBoolean(f.get("imminent")),
        Boolean.parseBoolean(f.get("serious")),
        f.get("reasoning"));
  }

  /**
   * Marks the locked draft released, with the estimate it was released on and its basis kept in its
   * encrypted content: from then on nothing about it changes (every later write is a
   * compare-and-set on the DRAFT status, which no longer matches).
   */
  private ReleaseOutcome released(
      String actorId,
      String caseId,
      DisclosureStore.DisclosureRow row,
      CaseCipher cipher,
      DraftContent content,
      RiskView risk,
      Basis basis,
      Optional<String> determinationId,
      boolean confirmed) {
    Instant now = clock.instant();
    DisclosureStore.DisclosureRow next =
        new DisclosureStore.DisclosureRow(
            row.id(),
            caseId,
            DisclosureStatus.RELEASED.name(),
            row.version(),
            row.createdAt(),
            Optional.of(now),
            cipher.encrypt(
                ref(caseId, "disclosure", row.id()), encode(content, risk, Optional.of(basis))));
    if (!store.updateDisclosure(next, row.version(), DisclosureStatus.DRAFT)) {
      throw new MandateException(
          409,
          "conflict",
          "The draft changed while it was being released: nothing was released; reload it.");
    }
    if (confirmed) {
      store.confirmDetermination(determinationId.orElseThrow(), actorId);
      audit.append(
          new AuditEvent(
              AuditKind.EXCEPTION_CONFIRMED,
              actorId,
              caseId,
              row.id() + ":" + determinationId.get()));
    }
    audit.append(
        new AuditEvent(
            AuditKind.DISCLOSURE_RELEASED, actorId, caseId, row.id() + ":" + basis.name()));
    if (basis == Basis.IMMINENT_HARM) {
      cases.addReminder(
          actorId,
          caseId,
          LocalDate.now(clock),
          "A disclosure was released under the imminent-harm exception: inform the visitor as soon as it is safe.");
    }
    DisclosureView released = view(cipher, next, Optional.empty());
    return new ReleaseOutcome.Released(released, mint(released, basis));
  }

  /**
   * The capability to render a released disclosure (a letter, an export), for an Ombuds who may see
   * the case. Audited as an export.
   */
  public Outbound outbound(String actorId, String caseId, String disclosureId, String format) {
    CaseCipher cipher = cases.cipherFor(actorId, caseId);
    DisclosureStore.DisclosureRow row = requireDisclosure(caseId, disclosureId);
    if (!row.status().equals(DisclosureStatus.RELEASED.name())) {
      throw new MandateException(
          409,
          "not_released",
          "Only a released disclosure can be turned into a letter: release it first.");
    }
    DisclosureView d = view(cipher, row, Optional.empty());
    tx.run(
        () ->
            audit.append(
                new AuditEvent(AuditKind.EXPORT, actorId, caseId, disclosureId + ":" + format)));
    Fields f = Fields.decode(cipher.decrypt(ref(caseId, "disclosure", row.id()), row.data()));
    Optional<Basis> recorded = f.optional("basis").map(Basis::valueOf);
    if (recorded.isPresent()) {
      return mint(d, recorded.get());
    }
    // Released before the basis was kept with it: by consent only if every person concerned
    // consented to the released version (as ReleasePolicy requires); a partial consent does not
    // make an exception a consented release.
    List<String> concerns = d.content().concerns();
    boolean byConsent =
        !concerns.isEmpty()
            && ReleasePolicy.missingConsents(
                    concerns, consentFacts(cipher, caseId, disclosureId), row.version())
                .isEmpty();
    return mint(d, byConsent ? Basis.CONSENT : Basis.IMMINENT_HARM);
  }

  /**
   * The consents to a disclosure as the policy judges them, each with the estimate it was given on.
   */
  private List<ReleasePolicy.ConsentFact> consentFacts(
      CaseCipher cipher, String caseId, String disclosureId) {
    return store.consents(disclosureId).stream()
        .map(
            c ->
                new ReleasePolicy.ConsentFact(
                    c.personId(), c.version(), c.revokedAt().isPresent(), shown(cipher, caseId, c)))
        .toList();
  }

  /** The estimate a consent was given on, from its encrypted record. */
  private static Exposure shown(CaseCipher cipher, String caseId, DisclosureStore.ConsentRow c) {
    Fields f = Fields.decode(cipher.decrypt(ref(caseId, "consent", c.id()), c.data()));
    return new Exposure(f.get("riskLevel"), Integer.parseInt(f.get("anonymitySet")));
  }

  private static Outbound mint(DisclosureView d, Basis basis) {
    return new Outbound(
        d.id(),
        d.content().recipient(),
        d.content().channel(),
        d.content().identity(),
        d.content().text(),
        d.releasedAt().orElseThrow(),
        basis);
  }

  static String code(ReleasePolicy.Decision decision) {
    return switch (decision) {
      case ReleasePolicy.Decision.Allowed a -> "allowed";
      case ReleasePolicy.Decision.ConsentMissing m -> "consent_required";
      case ReleasePolicy.Decision.EstimateChanged e -> "estimate_changed";
      case ReleasePolicy.Decision.ExceptionNotMet n -> "exception_not_met";
      case ReleasePolicy.Decision.NotADraft n -> "not_a_draft";
      case ReleasePolicy.Decision.ConfirmationRequired c -> "confirmation_required";
    };
  }

  // ---------------------------------------------------------------- office settings

  /** Whether exceptions need a second Ombuds' confirmation (when the office has more than one). */
  public boolean exceptionNeedsSecond() {
    return store.exceptionNeedsSecond();
  }

  public void setExceptionNeedsSecond(String actorId, boolean required) {
    tx.run(
        () -> {
          store.setExceptionNeedsSecond(required);
          audit.append(
              new AuditEvent(
                  AuditKind.SETTINGS_CHANGED,
                  actorId,
                  "exception-second-ombuds",
                  required ? "on" : "off"));
        });
  }

  /** Refuses (422) thresholds that are looser than the defaults in any respect. */
  public static void requireNoLooserThanDefaults(Thresholds thresholds) {
    if (!thresholds.isAtLeastAsStrictAs(Thresholds.DEFAULTS)) {
      Thresholds d = Thresholds.DEFAULTS;
      throw new MandateException(
          422,
          "looser_than_default",
          "An office may only make the anonymity estimate stricter than its defaults, never"
              + " looser: HIGH when at most "
              + d.highWhenSetAtMost()
              + " people fit (or more), MEDIUM when at most "
              + d.mediumWhenSetAtMost()
              + " (or more), a unit of at most "
              + d.smallUnitAtMost()
              + " is small (or more), "
              + d.repeatedReleasesAtLeast()
              + " earlier release counts (or fewer), and a release within "
              + d.soonAfterContact().toDays()
              + " days of a contact is soon (or more days).");
    }
  }

  /** The office's thresholds for the anonymity estimate. */
  public Thresholds thresholds() {
    return store.thresholds();
  }

  /**
   * Changes the thresholds (they take effect on the next draft or edit). Thresholds looser than
   * {@link Thresholds#DEFAULTS} in any respect are refused: an office may only be stricter.
   */
  public void setThresholds(String actorId, Thresholds thresholds) {
    requireNoLooserThanDefaults(thresholds);
    tx.run(
        () -> {
          store.setThresholds(thresholds);
          audit.append(
              new AuditEvent(AuditKind.SETTINGS_CHANGED, actorId, "anonymity-thresholds", "ok"));
        });
  }

  public Optional<String> letterhead() {
    return store.letterhead();
  }

  /**
   * Sets the letterhead, once the {@link ExitCheck} found no one of an open case in it.
   *
   * @throws MandateException 409 {@code open_case_match} when it names someone on file
   */
  public void setLetterhead(String actorId, String letterhead) {
    if (letterhead.length() > 1000) {
      throw new MandateException(400, "too_long", "The letterhead is limited to 1000 characters.");
    }
    letterheadCheck.require(
        actorId, ExitCheck.Exit.LETTERHEAD, "office", letterhead.strip(), ExitCheck.Own.NONE);
    tx.run(
        () -> {
          store.setLetterhead(letterhead.strip());
          audit.append(new AuditEvent(AuditKind.SETTINGS_CHANGED, actorId, "letterhead", "ok"));
        });
  }

  // ---------------------------------------------------------------- helpers

  private CaseView openCase(String actorId, String caseId) {
    CaseView c = cases.get(actorId, caseId);
    if (!c.isOpen()) {
      throw new MandateException(
          409, "case_closed", "This case is closed: nothing about it can be drafted or released.");
    }
    return c;
  }

  /**
   * The rules of a publication: anonymous; its recipient and channel fixed once drafted (an edit
   * cannot turn it into another kind of disclosure, or name its readers differently); and the
   * {@link PublicationCheck}.
   */
  private void checkPublication(Optional<DraftContent> before, DraftContent next) {
    if (before.isPresent() && before.get().isPublication()) {
      DraftContent b = before.get();
      if (!next.recipient().equals(b.recipient()) || !next.channel().equals(b.channel())) {
        throw new MandateException(
            422,
            "publication_fixed",
            "This disclosure is a publication: its recipient and channel cannot change. Withdraw it"
                + " and draft another disclosure instead.");
      }
    }
    if (next.isPublication()) {
      if (next.identity() != IdentityMode.ANONYMOUS) {
        throw new MandateException(
            422,
            "publication_anonymous",
            "A publication is anonymous: it cannot be NAMED. Keep it ANONYMOUS.");
      }
      publicationCheck.check(next);
    }
  }

  /**
   * The persons concerned of {@code content} in case {@code c}: every confidant of the case first
   * (they cannot be left out), then the others the Ombuds chose; when the Ombuds chose nobody, the
   * confidants and the witnesses. Every one must be a person of the case.
   */
  static DraftContent withConcerns(CaseView c, DraftContent content) {
    List<String> ids = c.persons().stream().map(CaseView.PersonView::id).toList();
    for (String p : content.concerns()) {
      if (!ids.contains(p)) {
        throw new MandateException(
            400, "invalid_request", "A person concerned is not a person of this case.");
      }
    }
    Set<String> concerns = new LinkedHashSet<>(c.confidants());
    if (content.concerns().isEmpty()) {
      c.persons().stream()
          .filter(p -> p.role() == PersonRole.WITNESS)
          .forEach(p -> concerns.add(p.id()));
    } else {
      concerns.addAll(content.concerns());
    }
    if (concerns.isEmpty()) {
      throw new MandateException(
          400,
          "invalid_request",
          "Nobody is concerned: record the visitor (or witness) who spoke in confidence first, so that their consent can be asked.");
    }
    return content.withConcerns(List.copyOf(concerns));
  }

  /** The anonymity estimate of {@code content} in case {@code c}, from the office as it is now. */
  private RiskView estimate(CaseView c, DraftContent content) {
    if (content.identity() == IdentityMode.NAMED) {
      return RiskView.named();
    }
    List<Person> persons =
        c.persons().stream()
            .map(
                p ->
                    new Person(
                        p.name().orElse(""), p.pseudonym(), content.concerns().contains(p.id())))
            .toList();
    List<Group> composition =
        c.workUnit().composition().stream()
            .map(k -> new Group(k.dimension(), k.group(), k.count()))
            .toList();
    Optional<Duration> sinceContact =
        c.contacts().stream()
            .map(CaseView.ContactView::date)
            .max(LocalDate::compareTo)
            .map(
                date ->
                    Duration.between(
                        date.atStartOfDay(ZoneOffset.UTC).toInstant(), clock.instant()));
    int repeated = repeatedReleases(c, content);
    Estimate e =
        estimator.estimate(
            content.text(),
            new Context(persons, c.workUnit().size(), composition, repeated, sinceContact),
            store.thresholds());
    return RiskView.of(e);
  }

  /**
   * Released disclosures to the same recipient about the same work unit in the recent window, from
   * any case of the office (a recipient who got two messages about one unit can put them together).
   * Only the count is used.
   */
  private int repeatedReleases(CaseView c, DraftContent content) {
    Instant since = clock.instant().minus(RECENT_WINDOW);
    String recipient = fold(content.recipient());
    String unit = fold(c.workUnit().name());
    int n = 0;
    for (DisclosureStore.DisclosureRow row : store.released()) {
      if (row.releasedAt().isEmpty() || !row.releasedAt().get().isAfter(since)) {
        continue;
      }
      Optional<CaseService.OfficeWideCase> other = cases.forOfficeWideCheck(row.caseId());
      if (other.isEmpty()
          || (!row.caseId().equals(c.id()) && !fold(other.get().workUnit()).equals(unit))) {
        continue;
      }
      CaseCipher cipher = other.get().cipher();
      if (fold(content(cipher, row).recipient()).equals(recipient)) {
        n++;
      }
    }
    return n;
  }

  private static String fold(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private DisclosureStore.DisclosureRow requireDisclosure(String caseId, String id) {
    return store.findDisclosure(caseId, id).orElseThrow(Mandate::noSuchDisclosure);
  }

  /**
   * The disclosure, locked for the rest of the current transaction (see {@link DisclosureStore}).
   */
  private DisclosureStore.DisclosureRow lock(String caseId, String id) {
    return store.lockDisclosure(caseId, id).orElseThrow(Mandate::noSuchDisclosure);
  }

  private static MandateException noSuchDisclosure() {
    return new MandateException(404, "not_found", "There is no such disclosure in this case.");
  }

  private static MandateException conflict() {
    return new MandateException(
        409, "conflict", "Someone else changed this draft at the same time: reload it.");
  }

  private static void requireDraft(DisclosureStore.DisclosureRow row) {
    if (!row.status().equals(DisclosureStatus.DRAFT.name())) {
      throw new MandateException(
          409,
          "not_a_draft",
          "This disclosure is "
              + row.status().toLowerCase(Locale.ROOT)
              + ": only a draft can be changed, consented to or released.");
    }
  }

  private static DraftContent content(CaseCipher cipher, DisclosureStore.DisclosureRow row) {
    return decodeContent(
        Fields.decode(cipher.decrypt(ref(row.caseId(), "disclosure", row.id()), row.data())));
  }

  private static RiskView storedRisk(CaseCipher cipher, DisclosureStore.DisclosureRow row) {
    return RiskView.decode(
        Fields.decode(cipher.decrypt(ref(row.caseId(), "disclosure", row.id()), row.data())));
  }

  /**
   * A disclosure as shown: with the estimate {@code risk} when given (the estimate of the moment),
   * else the one stored with its version.
   */
  private DisclosureView view(
      CaseCipher cipher, DisclosureStore.DisclosureRow row, Optional<RiskView> risk) {
    Fields f = Fields.decode(cipher.decrypt(ref(row.caseId(), "disclosure", row.id()), row.data()));
    List<DisclosureView.ConsentView> consents =
        store.consents(row.id()).stream()
            .map(
                c ->
                    new DisclosureView.ConsentView(
                        c.id(),
                        c.personId(),
                        c.version(),
                        ConsentMethod.valueOf(c.method()),
                        c.givenAt(),
                        c.revokedAt(),
                        c.version() == row.version() && c.revokedAt().isEmpty(),
                        shown(cipher, row.caseId(), c)))
            .toList();
    return new DisclosureView(
        row.id(),
        row.caseId(),
        DisclosureStatus.valueOf(row.status()),
        row.version(),
        row.createdAt(),
        row.releasedAt(),
        decodeContent(f),
        risk.orElseGet(() -> RiskView.decode(f)),
        consents);
  }

  private static byte[] encode(DraftContent c, RiskView risk, Optional<Basis> basis) {
    Fields f =
        new Fields()
            .put("recipient", c.recipient())
            .put("identity", c.identity().name())
            .put("channel", c.channel())
            .put("text", c.text())
            .put("concerns", String.join(",", c.concerns()))
            .put("kind", c.kind().name())
            .put("basis", basis.map(Basis::name));
    risk.encodeInto(f);
    return f.encode();
  }

  private static DraftContent decodeContent(Fields f) {
    String concerns = f.get("concerns");
    String recipient = f.get("recipient");
    String channel = f.get("channel");
    // Drafts made before the kind was kept: a publication was told by its recipient or channel.
    DraftContent.Kind kind =
        f.optional("kind")
            .map(DraftContent.Kind::valueOf)
            .orElse(
                channel.equalsIgnoreCase(DraftContent.PUBLICATION)
                        || recipient.equalsIgnoreCase(DraftContent.PUBLIC)
                    ? DraftContent.Kind.PUBLICATION
                    : DraftContent.Kind.COMMUNICATION);
    return new DraftContent(
        recipient,
        IdentityMode.valueOf(f.get("identity")),
        channel,
        f.get("text"),
        concerns.isEmpty() ? List.of() : List.of(concerns.split(",", -1)),
        kind);
  }

  private static FieldRef ref(String caseId, String table, String row) {
    return FieldRef.inCase(caseId, table, "data_enc", row);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
