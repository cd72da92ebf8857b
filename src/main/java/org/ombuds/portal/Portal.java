package org.ombuds.portal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.PersonInput;
import org.ombuds.casefile.PersonRole;
import org.ombuds.common.Fields;
import org.ombuds.common.Ids;
import org.ombuds.common.TamperedRowException;
import org.ombuds.common.Transactions;
import org.ombuds.mandate.ConsentMethod;
import org.ombuds.mandate.DisclosureStatus;
import org.ombuds.mandate.DisclosureView;
import org.ombuds.mandate.ExitCheck;
import org.ombuds.mandate.Exposure;
import org.ombuds.mandate.Mandate;
import org.ombuds.mandate.MandateException;
import org.ombuds.mandate.PendingConsents;
import org.ombuds.mandate.RiskView;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.PortalVault;
import org.ombuds.vault.Receipt;
import org.ombuds.vault.Vault;

/**
 * The visitor portal: threads between a visitor and the office, reached with a receipt.
 *
 * <p>The visitor side needs no office secret: what visitors send is sealed to the office's public
 * key, and a copy to the thread's own public key; replies of the Ombuds are sealed the same two
 * ways. So a visitor can write, read replies and decide on consent requests while the office is
 * locked. The Ombuds side opens what was sealed to the office with the office keys.
 *
 * <p>Throttling looks at no IP address. A receipt's fast {@link PortalVault#hint} (keyed by the
 * office-wide salt, which a guesser does not have) is looked up first: a receipt whose hint no
 * thread has is refused at once, without the slow hash (the look-up is one indexed read), and only
 * these refusals take from a generous global bucket ({@link #FAST_REFUSALS}): past it, a flood is
 * answered 429 with Retry-After, and a receipt whose hint matches is never held up by it. A receipt
 * whose hint matches (the right one, or by a chance of one in 2<sup>24</sup> per thread a wrong
 * one) goes on to the slow receipt hash, which runs for {@link #HASH_PERMITS} requests at a time
 * (the rest wait briefly, then get 429), and a wrong one there drains a small global bucket ({@link
 * #FAILURES}). So the portal answers a flood of guesses with fast 401s (then 429s) but leaves the
 * right receipt free to open its thread, also for a visitor reporting retaliation urgently. While a
 * thread made before hints has none, every receipt takes the slow path, as before hints existed.
 * Contact requests take from another bucket ({@link #CONTACTS}); all refill on their own once a
 * flood stops.
 */
public final class Portal {
  /** The longest message, in characters. */
  public static final int MAX_MESSAGE = 5_000;

  /** The longest name or way to reach, in characters. */
  public static final int MAX_SHORT = 200;

  /** How many slow receipt hashes may run at once, so the Ombuds' pages keep a core. */
  static final int HASH_PERMITS = 1;

  /** Wrong receipts: 10 at once, then one every 3 seconds, for the whole portal. */
  static final int FAILURES = 10;

  static final Duration FAILURE_REFILL = Duration.ofSeconds(3);

  /**
   * Wrong receipts refused by their hint, without the slow hash: 200 at once, then 50 a second, for
   * the whole portal. Only these refusals take from it, so a right receipt never waits for it.
   */
  static final int FAST_REFUSALS = 200;

  static final Duration FAST_REFILL = Duration.ofMillis(20);

  /** New threads: 10 at once, then one every 3 seconds, for the whole portal. */
  static final int CONTACTS = 10;

  static final Duration CONTACT_REFILL = Duration.ofSeconds(3);

  private static final String VISITOR = "visitor";
  private static final String PORTAL = "portal";

  private final PortalStore store;
  private final PortalVault portalVault;
  private final Vault vault;
  private final Supplier<byte[]> officePublicKeyset;
  private final Supplier<Optional<OfficeKeys>> officeKeys;
  private final CaseService cases;
  private final Mandate mandate;
  private final AuditLog audit;
  private final Transactions tx;
  private final Clock clock;
  private final AlertSink alerts;
  private final AlertThrottle throttle;
  private final Function<String, Set<String>> recusedCases;
  private final PortalSessions sessions;
  private final Semaphore hashing = new Semaphore(HASH_PERMITS, true);
  private final TokenBucket failures;
  private final TokenBucket fastRefusals;
  private final AtomicLong slowHashes = new AtomicLong();
  private final TokenBucket contacts;
  private final byte[] salt;

  /**
   * Everything the portal needs; {@code officeKeys} is present while the office is unlocked, and
   * {@code recusedCases} gives the ids of the cases an account is recused from.
   */
  public record Wiring(
      PortalStore store,
      PortalVault portalVault,
      Vault vault,
      Supplier<byte[]> officePublicKeyset,
      Supplier<Optional<OfficeKeys>> officeKeys,
      CaseService cases,
      Mandate mandate,
      AuditLog audit,
      Transactions tx,
      Clock clock,
      AlertSink alerts,
      Function<String, Set<String>> recusedCases,
      ExitCheck exits) {
    /** Every collaborator is required: a missing one fails when the office is made. */
    public Wiring {
      java.util.Objects.requireNonNull(store, "store");
      java.util.Objects.requireNonNull(portalVault, "portalVault");
      java.util.Objects.requireNonNull(vault, "vault");
      java.util.Objects.requireNonNull(officePublicKeyset, "officePublicKeyset");
      java.util.Objects.requireNonNull(officeKeys, "officeKeys");
      java.util.Objects.requireNonNull(cases, "cases");
      java.util.Objects.requireNonNull(mandate, "mandate");
      java.util.Objects.requireNonNull(audit, "audit");
      java.util.Objects.requireNonNull(tx, "tx");
      java.util.Objects.requireNonNull(clock, "clock");
      java.util.Objects.requireNonNull(alerts, "alerts");
      java.util.Objects.requireNonNull(recusedCases, "recusedCases");
      java.util.Objects.requireNonNull(exits, "exits");
    }
  }

  public Portal(Wiring w) {
    this.store = w.store();
    this.portalVault = w.portalVault();
    this.vault = w.vault();
    this.officePublicKeyset = w.officePublicKeyset();
    this.officeKeys = w.officeKeys();
    this.cases = w.cases();
    this.mandate = w.mandate();
    this.audit = w.audit();
    this.tx = w.tx();
    this.clock = w.clock();
    this.alerts = w.alerts();
    this.throttle = new AlertThrottle(clock);
    this.recusedCases = w.recusedCases();
    this.exits = w.exits();
    this.sessions = new PortalSessions(clock);
    this.failures = new TokenBucket(clock, FAILURES, FAILURE_REFILL);
    this.fastRefusals = new TokenBucket(clock, FAST_REFUSALS, FAST_REFILL);
    this.contacts = new TokenBucket(clock, CONTACTS, CONTACT_REFILL);
    this.salt = store.salt(portalVault.newSalt());
  }

  /** The open visitor sessions. */
  public PortalSessions sessions() {
    return sessions;
  }

  /** How many slow receipt hashes (Argon2id runs) this portal has started: tests count them. */
  long slowHashes() {
    return slowHashes.get();
  }

  // ---------------------------------------------------------------- visitor side

  /** A new thread and the receipt to show once, with a session already open on it. */
  public record Opened(String receipt, String token) {
    @Override
    public String toString() {
      return "Opened[REDACTED]";
    }
  }

  /**
   * Opens a thread with a first message. Works while the office is locked.
   *
   * @throws PortalException 400 for an empty or oversized field, 429 while contacts are flooding
   */
  public Opened contact(Views.Contact c) {
    String message = requireText(c.message(), "message");
    c.name().ifPresent(n -> requireShort(n, "name"));
    c.reachAt().ifPresent(n -> requireShort(n, "way to reach you"));
    if (!contacts.tryTake()) {
      throw tooMany(contacts.waitNeeded().orElse(CONTACT_REFILL));
    }
    Receipt receipt = portalVault.newReceipt();
    PortalVault.ReceiptProof proof = slowHash(receipt);
    String threadId = Ids.newId();
    PortalVault.ThreadRecord keys = portalVault.newThread(proof, threadId);
    Fields meta =
        new Fields()
            .put("name", c.name())
            .put("reachAt", c.reachAt())
            .put("meeting", c.meeting().map(Enum::name));
    byte[] sealedMeta =
        vault.sealToOffice(officePublicKeyset.get(), meta.encode(), ctx("meta", threadId));
    long day = today();
    tx.run(
        () -> {
          store.insertThread(
              new PortalStore.ThreadRow(
                  threadId,
                  keys.lookup(),
                  Optional.of(keys.hint()),
                  keys.verifier(),
                  keys.publicKeyset(),
                  keys.wrappedPrivate(),
                  Optional.of(sealedMeta),
                  Optional.empty(),
                  Optional.empty(),
                  day,
                  store.nextActivity(),
                  true));
          store.setDecisionKey(threadId, keys.decisionKey());
          insertMessage(
              threadId, keys.publicKeyset(), Views.Author.VISITOR, Views.Kind.MESSAGE, message);
          // No thread id: the audit entry's exact time must not date the visitor's message.
          audit.append(new AuditEvent(AuditKind.PORTAL_CONTACTED, VISITOR, PORTAL, "ok"));
        });
    // A new thread always alerts; noting it keeps its next messages within the window quiet.
    messageAlert(threadId, Optional.empty());
    PortalVault.ThreadKey key =
        portalVault
            .open(proof, threadId, keys.verifier(), keys.wrappedPrivate())
            .orElseThrow(() -> new IllegalStateException("a new thread did not open"));
    String token = sessions.open(key);
    String shown = receipt.reveal();
    sessions.keepReceiptToShow(token, shown);
    return new Opened(shown, token);
  }

  /**
   * Opens a visitor session with a receipt. Works while the office is locked.
   *
   * <p>A receipt whose {@link PortalVault#hint} no thread has is refused at once, without the slow
   * hash and without touching the bucket of wrong receipts; these refusals have their own bucket
   * ({@link #FAST_REFUSALS}). Only a receipt whose hint some thread has (the right one, or a wrong
   * one by a chance of one in 2<sup>24</sup> per thread) takes the slow path. While some thread
   * made before hints has none, every receipt takes the slow path; opening such a thread stores its
   * hint, so the prefilter turns on by itself once all of them have been opened.
   *
   * @return the token of the new session
   * @throws PortalException 400 if the text is not a well-typed receipt, 401 if it opens no thread,
   *     429 while wrong receipts are flooding (or the slow hash is too busy)
   */
  public String openSession(String receiptText) {
    Receipt receipt;
    try {
      receipt = Receipt.parse(receiptText == null ? "" : receiptText);
    } catch (IllegalArgumentException e) {
      throw new PortalException(400, "invalid_receipt", e.getMessage());
    }
    if (!store.hintMayMatch(portalVault.hint(receipt, salt))) {
      // Not audited one by one: a flood must not turn into a flood of audit writes. The bucket
      // is taken after the look-up so that it never holds up a receipt whose hint matches.
      if (!fastRefusals.tryTake()) {
        throw tooMany(fastRefusals.waitNeeded().orElse(FAST_REFILL));
      }
      throw wrongReceipt();
    }
    // Every attempt takes a token before the slow hash (so concurrent attempts cannot all pass
    // one check), and a right receipt gives it back: only wrong receipts drain the bucket.
    if (!failures.tryTake()) {
      // Not audited one by one: a flood must not turn into a flood of audit writes.
      throw tooMany(failures.waitNeeded().orElse(FAILURE_REFILL));
    }
    PortalVault.ReceiptProof proof;
    try {
      proof = slowHash(receipt);
    } catch (PortalException busy) {
      failures.giveBack();
      throw busy;
    }
    Optional<PortalStore.ThreadRow> thread = store.threadByLookup(proof.lookup());
    Optional<PortalVault.ThreadKey> key =
        thread.flatMap(t -> portalVault.open(proof, t.id(), t.verifier(), t.wrappedPrivate()));
    if (key.isEmpty()) {
      tx.run(
          () ->
              audit.append(
                  new AuditEvent(AuditKind.PORTAL_SESSION_REFUSED, VISITOR, PORTAL, "wrong")));
      throw wrongReceipt();
    }
    failures.giveBack();
    PortalStore.ThreadRow opened = thread.get();
    tx.run(
        () -> {
          if (opened.hint().isEmpty()) {
            // A thread made before hints: the receipt is proven, so its hint can be stored now.
            store.fillHint(opened.id(), proof.hint());
          }
          if (store.decisionKey(opened.id()).isEmpty()) {
            // A thread made before decisions were signed: from now on they are.
            store.setDecisionKey(opened.id(), key.get().decisionPublicKey());
          }
          audit.append(new AuditEvent(AuditKind.PORTAL_SESSION_OPENED, VISITOR, PORTAL, "ok"));
        });
    return sessions.open(key.get());
  }

  private static PortalException wrongReceipt() {
    return new PortalException(
        401,
        "wrong_receipt",
        "This receipt opens no conversation. Check it against what you wrote down and try again.");
  }

  private PortalVault.ReceiptProof slowHash(Receipt receipt) {
    boolean acquired;
    try {
      acquired = hashing.tryAcquire(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw tooMany(Duration.ofSeconds(2));
    }
    try {
      slowHashes.incrementAndGet();
      return portalVault.derive(receipt, salt);
    } finally {
      hashing.release();
    }
  }

  private static PortalException tooMany(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return new PortalException(
        429,
        "too_many_attempts",
        "The portal is receiving too many requests: wait " + seconds + " seconds and try again.",
        seconds);
  }

  /**
   * The visitor's thread: messages both ways and consent requests, opened with the receipt's key.
   */
  public Views.VisitorThread thread(VisitorSession s) {
    PortalStore.ThreadRow t = requireThread(s.threadId());
    List<Views.Message> messages = new ArrayList<>();
    for (PortalStore.MessageRow m : store.messages(t.id())) {
      messages.add(
          message(
              m, portalVault.openFromThread(s.key(), m.visitorSealed(), ctx("visitor", m.id()))));
    }
    return new Views.VisitorThread(t.id(), t.caseId().isPresent(), messages, requests(s, t));
  }

  /** A new message from the visitor. */
  public void write(VisitorSession s, String text) {
    String checked = requireText(text, "message");
    PortalStore.ThreadRow t = requireThread(s.threadId());
    tx.run(
        () -> {
          insertMessage(
              t.id(), t.publicKeyset(), Views.Author.VISITOR, Views.Kind.MESSAGE, checked);
          store.touch(t.id(), store.nextActivity(), true);
          audit.append(new AuditEvent(AuditKind.PORTAL_MESSAGE_SENT, VISITOR, PORTAL, "ok"));
        });
    messageAlert(t.id(), t.caseId());
  }

  /**
   * A retaliation report: stored like a message and raising an urgent alert at once, unless this
   * thread raised one in the last {@link AlertThrottle#WINDOW} (every report is still kept).
   */
  public void reportRetaliation(VisitorSession s, String text) {
    String checked = requireText(text, "report");
    PortalStore.ThreadRow t = requireThread(s.threadId());
    tx.run(
        () -> {
          insertMessage(
              t.id(), t.publicKeyset(), Views.Author.VISITOR, Views.Kind.RETALIATION, checked);
          store.touch(t.id(), store.nextActivity(), true);
          audit.append(
              new AuditEvent(AuditKind.PORTAL_RETALIATION_REPORTED, VISITOR, PORTAL, "ok"));
        });
    alert(t.id(), AlertThrottle.Kind.RETALIATION, () -> alerts.retaliationReported(t.caseId()));
  }

  /**
   * Raises an alert through the throttle. If raising fails, the throttle forgets the attempt, so
   * the next report of the thread alerts instead of being covered by an alert that never was.
   */
  private void alert(String threadId, AlertThrottle.Kind kind, Supplier<String> raise) {
    if (!throttle.allow(threadId, kind, alerts::isOpen)) {
      return;
    }
    String id;
    try {
      id = raise.get();
    } catch (RuntimeException e) {
      throttle.failed(threadId, kind);
      throw e;
    }
    throttle.raised(threadId, kind, id);
  }

  /** A quiet alert for something the visitor sent, at most one per thread in the window. */
  private void messageAlert(String threadId, Optional<String> caseId) {
    alert(threadId, AlertThrottle.Kind.MESSAGE, () -> alerts.messageArrived(caseId));
  }

  /**
   * The requests awaiting this visitor's answer, newest first. The whole history (granted,
   * declined, applied, outdated) stays in {@link #thread}.
   */
  public List<Views.ConsentRequest> consentRequests(VisitorSession s) {
    return requests(s, requireThread(s.threadId())).stream()
        .filter(r -> r.status() == Views.RequestStatus.PENDING)
        .toList();
  }

  private List<Views.ConsentRequest> requests(VisitorSession s, PortalStore.ThreadRow t) {
    List<Views.ConsentRequest> out = new ArrayList<>();
    List<PortalStore.ConsentRow> rows = new ArrayList<>(store.consentsOfThread(t.id()));
    rows.sort(Comparator.comparingLong(PortalStore.ConsentRow::seq).reversed());
    Set<String> seen = new HashSet<>();
    for (PortalStore.ConsentRow r : rows) {
      // Only the newest request about a disclosure can be withdrawn (see revoke).
      boolean newest = seen.add(r.disclosureId());
      Fields f =
          Fields.decode(
              portalVault.openFromThread(s.key(), r.visitorSealed(), ctx("consent", r.id())));
      Views.RequestStatus status = effectiveStatus(r);
      String reasons = f.get("reasons");
      out.add(
          new Views.ConsentRequest(
              r.disclosureId(),
              r.version(),
              status,
              f.get("recipient"),
              f.get("identity"),
              f.get("channel"),
              f.get("text"),
              f.get("riskLevel"),
              Integer.parseInt(f.get("anonymitySet")),
              findings(f),
              reasons.isEmpty() ? List.of() : List.of(reasons.split("\n", -1)),
              newest
                  && (status == Views.RequestStatus.GRANTED
                      || status == Views.RequestStatus.APPLIED)
                  && !released(r.disclosureId())));
    }
    return out;
  }

  /** The findings of a copy sent for consent; none in a copy sent before they were kept. */
  private static List<RiskView.FindingView> findings(Fields f) {
    int n = f.optional("findings").map(Integer::parseInt).orElse(0);
    List<RiskView.FindingView> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String p = "finding." + i + ".";
      out.add(
          new RiskView.FindingView(
              f.get(p + "kind"),
              Integer.parseInt(f.get(p + "start")),
              Integer.parseInt(f.get(p + "end")),
              f.get(p + "excerpt"),
              f.get(p + "reason")));
    }
    return out;
  }

  private Views.RequestStatus effectiveStatus(PortalStore.ConsentRow r) {
    Views.RequestStatus status = Views.RequestStatus.valueOf(r.status());
    if (status == Views.RequestStatus.PENDING || status == Views.RequestStatus.GRANTED) {
      Optional<PortalStore.DraftState> d = store.draftState(r.disclosureId());
      if (d.isEmpty()
          || !d.get().status().equals(DisclosureStatus.DRAFT.name())
          || d.get().version() != r.version()) {
        return Views.RequestStatus.OUTDATED;
      }
    }
    return status;
  }

  /**
   * The visitor grants the request about disclosure {@code disclosureId}. Recorded as a pending
   * portal grant; it becomes a mandate consent (method PORTAL, that exact version) when an Ombuds
   * next opens or releases the disclosure.
   *
   * @param versionSeen the version the visitor read; without it, the version currently asked
   * @throws PortalException 404 if no such request is open for this thread, 409 {@code
   *     version_changed} if the draft changed after it was shown (or since the version read)
   */
  public void grant(VisitorSession s, String disclosureId, Optional<Integer> versionSeen) {
    decide(s, disclosureId, versionSeen, Views.RequestStatus.GRANTED);
  }

  /** The visitor declines the request about {@code disclosureId}; as {@link #grant}. */
  public void decline(VisitorSession s, String disclosureId, Optional<Integer> versionSeen) {
    decide(s, disclosureId, versionSeen, Views.RequestStatus.DECLINED);
  }

  private PortalStore.ConsentRow newestRequest(VisitorSession s, String disclosureId) {
    return store.consentsOfThread(s.threadId()).stream()
        .filter(c -> c.disclosureId().equals(disclosureId))
        .max(Comparator.comparingLong(PortalStore.ConsentRow::seq))
        .orElseThrow(
            () -> new PortalException(404, "not_found", "There is no such request for you."));
  }

  private void decide(
      VisitorSession s,
      String disclosureId,
      Optional<Integer> versionSeen,
      Views.RequestStatus decision) {
    PortalStore.ConsentRow r = newestRequest(s, disclosureId);
    // The Ombuds may have edited and asked again while the visitor was reading: an answer counts
    // only for the version the visitor read, never for a newer one they have not seen.
    if (versionSeen.isPresent() && versionSeen.get() != r.version()) {
      throw new PortalException(
          409,
          "version_changed",
          "The text changed since you read it; please read it again: version "
              + r.version()
              + " is the one asked now. Nothing was recorded.");
    }
    Views.RequestStatus now = effectiveStatus(r);
    if (now == Views.RequestStatus.OUTDATED) {
      if (Views.RequestStatus.valueOf(r.status()) != Views.RequestStatus.OUTDATED) {
        tx.run(
            () ->
                store.setConsentStatus(
                    r.id(), Views.RequestStatus.OUTDATED.name(), Optional.empty()));
      }
      throw new PortalException(
          409,
          "version_changed",
          "The text changed since you read it: the Ombuds edited it after asking you. Nothing"
              + " was recorded; the new version will be shown to you to read again.");
    }
    if (now != Views.RequestStatus.PENDING) {
      throw new PortalException(
          409, "already_decided", "You already answered this request: nothing was changed.");
    }
    tx.run(
        () -> {
          // Only from the PENDING row read above: a re-ask (which outdates it) or a second click
          // landing meanwhile makes this answer a conflict rather than overwrite that status.
          changeStatus(r, decision, Optional.empty());
          store.signDecision(r.id(), s.key().signDecision(decision(r, decision)));
          store.touch(s.threadId(), store.nextActivity(), true);
          audit.append(
              new AuditEvent(
                  decision == Views.RequestStatus.GRANTED
                      ? AuditKind.PORTAL_CONSENT_GRANTED
                      : AuditKind.PORTAL_CONSENT_DECLINED,
                  VISITOR,
                  PORTAL,
                  "ok"));
        });
    messageAlert(s.threadId(), Optional.of(r.caseId()));
  }

  /**
   * The visitor withdraws their consent to the disclosure {@code disclosureId}, which is possible
   * until it is released. Works while the office is locked: a grant not yet applied simply never
   * will be; a grant already applied as a mandate consent is revoked in the consent's own row in
   * the same transaction ({@link Mandate#withdrawnInPortal}), so that nothing done afterwards to
   * the request's row can bring it back.
   *
   * @throws PortalException 404 if no such request is open for this thread, 409 {@code
   *     already_released} once released, 409 {@code not_granted} if there is no consent to withdraw
   */
  public void revoke(VisitorSession s, String disclosureId) {
    PortalStore.ConsentRow r =
        tx.inTransaction(
            () -> {
              PortalStore.ConsentRow row = newestRequest(s, disclosureId);
              String raw = row.status();
              // "Not granted" first: a visitor who declined or never answered must not learn from
              // this answer that the text left under the imminent-harm exception.
              if (!raw.equals(Views.RequestStatus.GRANTED.name())
                  && !raw.equals(Views.RequestStatus.APPLIED.name())) {
                throw new PortalException(
                    409,
                    "not_granted",
                    "You have not consented to this request: there is nothing to withdraw.");
              }
              if (released(disclosureId)) {
                throw tooLate();
              }
              // A grant already applied is revoked in the mandate's consent row now, in this very
              // transaction: the withdrawal then stands whatever becomes of this request's row (a
              // crash, a deletion). The consent's id stays on the row so that an Ombuds' next look
              // records the mandate's own entry (applyGrants), as it does for a grant.
              if (raw.equals(Views.RequestStatus.APPLIED.name()) && row.consentId().isPresent()) {
                try {
                  mandate.withdrawnInPortal(row.caseId(), disclosureId, row.consentId().get());
                } catch (MandateException e) {
                  if (e.code().equals("already_released")) {
                    throw tooLate(); // released since the check above, on another connection
                  }
                  throw e;
                }
              }
              changeStatus(row, Views.RequestStatus.REVOKED, row.consentId());
              store.signDecision(
                  row.id(), s.key().signDecision(decision(row, Views.RequestStatus.REVOKED)));
              store.touch(s.threadId(), store.nextActivity(), true);
              audit.append(new AuditEvent(AuditKind.PORTAL_CONSENT_REVOKED, VISITOR, PORTAL, "ok"));
              return row;
            });
    messageAlert(s.threadId(), Optional.of(r.caseId()));
  }

  private static PortalException tooLate() {
    return new PortalException(
        409,
        "already_released",
        "This text was already sent: a consent can only be withdrawn before it is sent.");
  }

  private boolean released(String disclosureId) {
    return store
        .draftState(disclosureId)
        .map(d -> d.status().equals(DisclosureStatus.RELEASED.name()))
        .orElse(false);
  }

  /** Ends a visitor session. */
  public void leave(String token) {
    sessions.close(token);
  }

  // ---------------------------------------------------------------- Ombuds side

  /**
   * Every thread {@code actorId} may see, newest activity first, with the name the visitor gave if
   * any: not those linked to a case the Ombuds is recused from.
   */
  public List<Views.InboxEntry> inbox(String actorId) {
    OfficeKeys keys = unlocked();
    Set<String> recused = recusedCases.apply(actorId);
    List<Views.InboxEntry> out = new ArrayList<>();
    PortalStore.ThreadList threads = store.threads();
    for (PortalStore.ThreadRow t : threads.sound()) {
      if (!visible(t, recused)) {
        continue;
      }
      out.add(
          new Views.InboxEntry(
              t.id(),
              meta(keys, t).optional("name"),
              t.caseId(),
              t.personId(),
              LocalDate.ofEpochDay(t.openedDay()),
              t.unread(),
              store.messages(t.id()).size(),
              false));
    }
    // Listed so that the Ombuds knows of them, and last: their activity cannot be trusted either.
    threads.tampered().forEach(id -> out.add(Views.InboxEntry.tampered(id)));
    return out;
  }

  /** Whether any thread has something the Ombuds has not read. Needs no key. */
  public long unreadCount() {
    return store.threads().sound().stream().filter(PortalStore.ThreadRow::unread).count();
  }

  /** A thread as the Ombuds reads it; marks it read. Audited. */
  public Views.OmbudsThread read(String actorId, String threadId) {
    OfficeKeys keys = unlocked();
    PortalStore.ThreadRow t = requireVisibleThread(actorId, threadId);
    Fields meta = meta(keys, t);
    List<Views.Message> messages = new ArrayList<>();
    for (PortalStore.MessageRow m : store.messages(t.id())) {
      messages.add(message(m, vault.openSealed(keys, m.officeSealed(), ctx("office", m.id()))));
    }
    tx.run(
        () -> {
          store.markRead(t.id());
          audit.append(new AuditEvent(AuditKind.PORTAL_THREAD_READ, actorId, t.id(), "ok"));
        });
    return new Views.OmbudsThread(
        t.id(),
        meta.optional("name"),
        meta.optional("reachAt"),
        meta.optional("meeting").map(Views.Meeting::valueOf),
        t.caseId(),
        t.personId(),
        LocalDate.ofEpochDay(t.openedDay()),
        messages);
  }

  /** The check every reply passes before it leaves for the visitor. */
  private final ExitCheck exits;

  /**
   * The names and ways to reach that visitors gave in their threads, for the {@link ExitCheck}:
   * with the thread and, when linked, its case and person. Every thread, recused or not: the check
   * shows nothing of what the Ombuds may not see. Needs the office unlocked.
   */
  public List<ExitCheck.Contact> contactsOnFile() {
    OfficeKeys keys = unlocked();
    List<ExitCheck.Contact> out = new ArrayList<>();
    for (PortalStore.ThreadRow t : store.threads().sound()) {
      Fields meta = meta(keys, t);
      Optional<String> name = meta.optional("name");
      Optional<String> reach = meta.optional("reachAt");
      if (name.isPresent() || reach.isPresent()) {
        out.add(new ExitCheck.Contact(t.id(), t.caseId(), t.personId(), name, reach));
      }
    }
    return out;
  }

  /**
   * A reply of the Ombuds, readable by the visitor with the receipt. It passes the {@link
   * ExitCheck} first: it may name the thread's own visitor and the persons of the thread's own case
   * (the visitor's own matter), nobody of another open case.
   *
   * @throws MandateException 409 {@code open_case_match} when it names someone of another case
   */
  public String reply(String actorId, String threadId, String text) {
    unlocked();
    String checked = requireText(text, "reply");
    PortalStore.ThreadRow t = requireVisibleThread(actorId, threadId);
    exits.require(
        actorId, ExitCheck.Exit.REPLY, t.id(), checked, ExitCheck.Own.thread(t.id(), t.caseId()));
    String[] id = new String[1];
    tx.run(
        () -> {
          id[0] =
              insertMessage(
                  t.id(), t.publicKeyset(), Views.Author.OMBUDS, Views.Kind.MESSAGE, checked);
          store.touch(t.id(), store.nextActivity(), false);
          audit.append(new AuditEvent(AuditKind.PORTAL_REPLIED, actorId, t.id(), id[0]));
        });
    return id[0];
  }

  /**
   * Links a thread to a person of a case the Ombuds may see; a case they are recused from is
   * refused as one that does not exist.
   */
  public void link(String actorId, String threadId, String caseId, String personId) {
    PortalStore.ThreadRow t = requireVisibleThread(actorId, threadId);
    requirePerson(actorId, caseId, personId);
    tx.run(
        () -> {
          store.link(t.id(), caseId, personId);
          audit.append(new AuditEvent(AuditKind.PORTAL_THREAD_LINKED, actorId, caseId, t.id()));
        });
  }

  /**
   * Opens a new case from a thread: the case, its visitor (named as they gave it in the portal, if
   * they did) and the link. Returns the case id.
   */
  public String openCase(String actorId, String threadId, NewCase input) {
    OfficeKeys keys = unlocked();
    // One transaction, refused for a linked thread: a double submit or a stale page must not open
    // a second case and move the thread (its alerts and consent requests) away from the first.
    return tx.inTransaction(
        () -> {
          PortalStore.ThreadRow t = requireVisibleThread(actorId, threadId);
          if (t.caseId().isPresent()) {
            throw new PortalException(
                409,
                "already_linked",
                "This conversation already belongs to a case: open that case instead.");
          }
          Optional<String> name = meta(keys, t).optional("name");
          String caseId = cases.create(actorId, input);
          CaseView.PersonView visitor =
              cases.addPerson(
                  actorId,
                  caseId,
                  new PersonInput(
                      PersonRole.VISITOR,
                      name,
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty()));
          link(actorId, t.id(), caseId, visitor.id());
          return caseId;
        });
  }

  /**
   * Portal access for a visitor met in person: a new thread linked to the person, and its receipt
   * to hand over once.
   */
  public String issueAccess(String actorId, String caseId, String personId) {
    requirePerson(actorId, caseId, personId);
    Receipt receipt = portalVault.newReceipt();
    PortalVault.ReceiptProof proof = slowHash(receipt);
    String threadId = Ids.newId();
    PortalVault.ThreadRecord keys = portalVault.newThread(proof, threadId);
    tx.run(
        () -> {
          store.insertThread(
              new PortalStore.ThreadRow(
                  threadId,
                  keys.lookup(),
                  Optional.of(keys.hint()),
                  keys.verifier(),
                  keys.publicKeyset(),
                  keys.wrappedPrivate(),
                  Optional.empty(),
                  Optional.of(caseId),
                  Optional.of(personId),
                  today(),
                  store.nextActivity(),
                  false));
          store.setDecisionKey(threadId, keys.decisionKey());
          audit.append(new AuditEvent(AuditKind.PORTAL_ACCESS_ISSUED, actorId, caseId, threadId));
        });
    return receipt.reveal();
  }

  /**
   * What asking for consent in the portal came to.
   *
   * @param threads how many conversations were asked
   * @param waitingForSources how many conversations of persons concerned who are not confidants
   *     were not asked yet, because the confidants have not all agreed to this version
   */
  public record Asked(int threads, int waitingForSources) {}

  /**
   * Sends the current version of a draft, with the anonymity estimate of the moment, to the portal
   * threads of the persons it concerns, for their consent: a copy of exactly what they must see,
   * sealed to each thread.
   *
   * <p>Sources are asked first: the text carries what the case's confidants (its visitors, and
   * anyone marked as having spoken in confidence) told the office, so a person concerned who is not
   * a confidant (a witness, the other party) is shown it only once every confidant it concerns has
   * agreed to this version. Ask again after they have.
   *
   * @throws PortalException 409 {@code no_portal_thread} if no person concerned has a thread, 409
   *     {@code sources_first} if only persons who must wait for the confidants have one
   */
  public Asked requestConsent(String actorId, String caseId, String disclosureId) {
    DisclosureView d = mandate.get(actorId, caseId, disclosureId);
    if (d.status() != DisclosureStatus.DRAFT) {
      throw new PortalException(
          409, "not_a_draft", "Only a draft can be sent to the portal for consent.");
    }
    Set<String> confidants = Set.copyOf(cases.get(actorId, caseId).confidants());
    boolean sourcesAgreed =
        d.content().concerns().stream().filter(confidants::contains).allMatch(d::consentedNow);
    List<PortalStore.ThreadRow> targets = new ArrayList<>();
    List<String> personOf = new ArrayList<>();
    int waiting = 0;
    int already = 0;
    for (String p : d.content().concerns()) {
      List<PortalStore.ThreadRow> threads = store.threadsOf(caseId, p);
      if (!confidants.contains(p) && !sourcesAgreed) {
        waiting += threads.size();
        continue;
      }
      if (d.consentedNow(p)) {
        // Already agreed to this version on this estimate (asking again would hide the answer).
        already++;
        continue;
      }
      for (PortalStore.ThreadRow t : threads) {
        targets.add(t);
        personOf.add(p);
      }
    }
    if (targets.isEmpty() && already > 0 && waiting == 0) {
      return new Asked(0, 0);
    }
    if (targets.isEmpty()) {
      if (waiting > 0) {
        throw new PortalException(
            409,
            "sources_first",
            "The persons who confided in the office have not all agreed to this version yet: they"
                + " are asked first, and the others only once they have.");
      }
      throw new PortalException(
          409,
          "no_portal_thread",
          "No person concerned by this draft has a portal conversation linked to this case.");
    }
    ask(actorId, caseId, d, targets, personOf, false);
    return new Asked(targets.size(), waiting);
  }

  /**
   * Asks again, with the estimate of the moment, the visitors whose portal consent to the current
   * version was given on a better estimate (the release found it stale). Their earlier requests are
   * marked outdated; the new ones show the new estimate.
   */
  void askAgain(String actorId, String caseId, String disclosureId, List<String> personIds) {
    DisclosureView d = mandate.get(actorId, caseId, disclosureId);
    if (d.status() != DisclosureStatus.DRAFT) {
      return;
    }
    List<PortalStore.ThreadRow> targets = new ArrayList<>();
    List<String> personOf = new ArrayList<>();
    for (String p : personIds) {
      boolean askedInPortal =
          store.consentsOfDisclosure(disclosureId).stream()
              .anyMatch(r -> r.personId().equals(p) && r.caseId().equals(caseId));
      if (!askedInPortal) {
        continue;
      }
      for (PortalStore.ThreadRow t : store.threadsOf(caseId, p)) {
        targets.add(t);
        personOf.add(p);
      }
    }
    if (!targets.isEmpty()) {
      ask(actorId, caseId, d, targets, personOf, true);
    }
  }

  private void ask(
      String actorId,
      String caseId,
      DisclosureView d,
      List<PortalStore.ThreadRow> targets,
      List<String> personOf,
      boolean replaceAnswers) {
    String disclosureId = d.id();
    byte[] shown = shown(d).encode();
    byte[] estimate =
        new Fields()
            .put("version", Integer.toString(d.version()))
            .put("riskLevel", d.risk().level())
            .put("anonymitySet", Integer.toString(d.risk().anonymitySet()))
            .encode();
    tx.run(
        () -> {
          for (int i = 0; i < targets.size(); i++) {
            PortalStore.ThreadRow t = targets.get(i);
            for (PortalStore.ConsentRow old : store.consentsOfThread(t.id())) {
              if (!old.disclosureId().equals(disclosureId)) {
                continue;
              }
              String was = old.status();
              if (was.equals(Views.RequestStatus.PENDING.name())) {
                changeStatus(old, Views.RequestStatus.OUTDATED, Optional.empty());
              } else if (replaceAnswers
                  && (was.equals(Views.RequestStatus.GRANTED.name())
                      || was.equals(Views.RequestStatus.APPLIED.name()))) {
                // A consent given on a better estimate: withdrawn, so that it can never count
                // again (were the estimate to improve), and replaced by this request.
                if (old.consentId().isPresent()) {
                  mandate.revoke(actorId, caseId, old.consentId().get());
                }
                changeStatus(old, Views.RequestStatus.OUTDATED, Optional.empty());
              }
            }
            String id = Ids.newId();
            store.insertConsent(
                new PortalStore.ConsentRow(
                    id,
                    t.id(),
                    disclosureId,
                    caseId,
                    personOf.get(i),
                    d.version(),
                    Views.RequestStatus.PENDING.name(),
                    store.nextActivity(),
                    Optional.empty(),
                    portalVault.sealToThread(t.publicKeyset(), shown, ctx("consent", id)),
                    Optional.of(
                        vault.sealToOffice(
                            officePublicKeyset.get(), estimate, ctx("consent-estimate", id)))));
            audit.append(
                new AuditEvent(
                    AuditKind.PORTAL_CONSENT_REQUESTED,
                    actorId,
                    caseId,
                    disclosureId + ":v" + d.version() + ":" + t.id()));
          }
        });
  }

  /** The source of pending consents that the mandate applies before it shows or releases. */
  public PendingConsents pendingConsents() {
    return new PendingConsents() {
      @Override
      public void apply(String actorId, String caseId, String disclosureId) {
        applyGrants(actorId, caseId, disclosureId);
      }

      @Override
      public void estimateChanged(
          String actorId, String caseId, String disclosureId, List<String> personIds) {
        askAgain(actorId, caseId, disclosureId, personIds);
      }
    };
  }

  private static Fields shown(DisclosureView d) {
    RiskView risk = d.risk();
    List<String> reasons = new ArrayList<>();
    risk.findings().forEach(f -> reasons.add(f.reason()));
    reasons.addAll(risk.suggestions());
    Fields f = new Fields();
    // The findings as the Ombuds sees them (kind, span, excerpt, reason), so the visitor's list can
    // give the same risk object as the disclosure API.
    f.put("findings", Integer.toString(risk.findings().size()));
    for (int i = 0; i < risk.findings().size(); i++) {
      RiskView.FindingView x = risk.findings().get(i);
      String p = "finding." + i + ".";
      f.put(p + "kind", x.kind())
          .put(p + "start", Integer.toString(x.start()))
          .put(p + "end", Integer.toString(x.end()))
          .put(p + "excerpt", x.excerpt())
          .put(p + "reason", x.reason());
    }
    return f.put("recipient", d.content().recipient())
        .put("identity", d.content().identity().name())
        .put("channel", d.content().channel())
        .put("text", d.content().text())
        .put("riskLevel", risk.level())
        .put("anonymitySet", Integer.toString(risk.anonymitySet()))
        .put("reasons", String.join("\n", reasons.stream().map(r -> r.replace('\n', ' ')).toList()))
        .put("version", Integer.toString(d.version()));
  }

  /**
   * Turns the visitor grants recorded for a disclosure into mandate consents (method PORTAL, the
   * exact version granted); a grant for an older version is marked outdated and never counts. Then
   * revokes, through the mandate, the consents the visitor withdrew. Called by the mandate whenever
   * an Ombuds opens or releases a disclosure.
   */
  public void applyGrants(String actorId, String caseId, String disclosureId) {
    // One transaction (the release's own, when called from it): two Ombuds opening the draft at
    // once, or a visitor withdrawing meanwhile, find each row as the other left it.
    tx.run(
        () -> {
          for (PortalStore.ConsentRow r : store.consentsOfDisclosure(disclosureId)) {
            if (!r.caseId().equals(caseId)) {
              continue;
            }
            if (r.status().equals(Views.RequestStatus.REVOKED.name())
                && r.consentId().isPresent()) {
              applyRevocation(actorId, caseId, r);
            } else if (r.status().equals(Views.RequestStatus.GRANTED.name())) {
              requireVisitorsGrant(r);
              applyGrant(actorId, caseId, disclosureId, r);
            } else if (r.status().equals(Views.RequestStatus.APPLIED.name())) {
              // Checked at every release: a consent that no visitor signed never counts.
              requireVisitorsGrant(r);
            }
          }
        });
  }

  /**
   * The exact bytes a visitor signs for a decision on a request: the request, its thread, the
   * disclosure, its case, the person, the version shown, the request's sequence number and the
   * decision. A signature for one of them counts for no other.
   */
  static byte[] decision(PortalStore.ConsentRow r, Views.RequestStatus decision) {
    return String.join(
            "\n",
            "ombuds-visitor-decision-v1",
            r.id(),
            r.threadId(),
            r.disclosureId(),
            r.caseId(),
            r.personId(),
            Integer.toString(r.version()),
            Long.toString(r.seq()),
            decision.name())
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Refuses (and so refuses the release it is part of) a grant that its visitor did not sign with
   * the key only their receipt gives: one written into the database, or by anyone but the visitor.
   * A request made before decisions were signed may carry an unsigned decision.
   */
  private void requireVisitorsGrant(PortalStore.ConsentRow r) {
    Optional<byte[]> signature = store.decisionSignature(r.id());
    if (signature.isEmpty() && r.seq() < store.signedDecisionsFrom()) {
      return;
    }
    Optional<byte[]> key = store.decisionKey(r.threadId());
    boolean signed =
        key.isPresent()
            && signature.isPresent()
            && PortalVault.verifyDecision(
                key.get(), decision(r, Views.RequestStatus.GRANTED), signature.get());
    if (!signed) {
      throw new TamperedRowException(
          "portal_consent", r.id(), "holds a grant that its visitor did not sign");
    }
  }

  private void applyGrant(
      String actorId, String caseId, String disclosureId, PortalStore.ConsentRow r) {
    String consentId;
    try {
      consentId =
          mandate.consent(
              actorId, caseId, disclosureId, r.personId(), ConsentMethod.PORTAL, shownWith(r));
    } catch (MandateException e) {
      if (e.code().equals("version_changed") || e.code().equals("not_a_draft")) {
        changeStatus(r, Views.RequestStatus.OUTDATED, Optional.empty());
      } else if (e.code().equals("estimate_changed")) {
        // Granted on an estimate better than the one of the moment: the visitor is asked again,
        // with the new estimate, and this grant counts for nothing.
        changeStatus(r, Views.RequestStatus.OUTDATED, Optional.empty());
        askAgain(actorId, caseId, disclosureId, List.of(r.personId()));
      }
      // Otherwise (a closed case, a person no longer concerned) the grant stays as it is and
      // counts for nothing: showing the disclosure must not fail because of it.
      return;
    }
    changeStatus(r, Views.RequestStatus.APPLIED, Optional.of(consentId));
  }

  /** The version and the estimate the visitor was shown with a request. */
  private Mandate.Shown shownWith(PortalStore.ConsentRow r) {
    if (r.officeSealed().isEmpty()) {
      return Mandate.Shown.version(r.version());
    }
    Fields f =
        Fields.decode(
            vault.openSealed(unlocked(), r.officeSealed().get(), ctx("consent-estimate", r.id())));
    return Mandate.Shown.withEstimate(
        r.version(), new Exposure(f.get("riskLevel"), Integer.parseInt(f.get("anonymitySet"))));
  }

  private void applyRevocation(String actorId, String caseId, PortalStore.ConsentRow r) {
    try {
      mandate.revoke(actorId, caseId, r.consentId().orElseThrow());
    } catch (MandateException e) {
      // Released meanwhile, or the consent is gone with its case: nothing left to revoke, and
      // showing the disclosure must not fail because of it.
      if (!e.code().equals("not_found")) {
        return;
      }
    }
    changeStatus(r, Views.RequestStatus.REVOKED, Optional.empty());
  }

  /**
   * Moves a request on from the status it was read in, or fails the whole transaction if someone
   * (another server instance) moved it first, so that nothing is applied or withdrawn twice.
   */
  private void changeStatus(
      PortalStore.ConsentRow r, Views.RequestStatus to, Optional<String> consentId) {
    if (!store.setConsentStatusIf(r.id(), r.status(), to.name(), consentId)) {
      throw new PortalException(
          409, "conflict", "This request changed at the same moment: try again.");
    }
  }

  /** The portal requests about one disclosure, for the Ombuds' disclosure page. */
  public List<PortalStore.ConsentRow> requestsFor(String disclosureId) {
    return store.consentsOfDisclosure(disclosureId);
  }

  /** Whether a person of a case has a portal thread (to offer sending a draft there). */
  public boolean hasThread(String caseId, String personId) {
    return !store.threadsOf(caseId, personId).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private void requirePerson(String actorId, String caseId, String personId) {
    CaseView c = cases.get(actorId, caseId);
    if (!c.isOpen()) {
      throw new PortalException(409, "case_closed", "This case is closed.");
    }
    if (c.persons().stream().noneMatch(p -> p.id().equals(personId))) {
      throw new PortalException(404, "not_found", "There is no such person in this case.");
    }
  }

  private String insertMessage(
      String threadId, byte[] threadKey, Views.Author author, Views.Kind kind, String text) {
    String id = Ids.newId();
    byte[] plain = new Fields().put("text", text).encode();
    store.insertMessage(
        new PortalStore.MessageRow(
            id,
            threadId,
            store.nextSeq(threadId),
            author.name(),
            kind.name(),
            today(),
            vault.sealToOffice(officePublicKeyset.get(), plain, ctx("office", id)),
            portalVault.sealToThread(threadKey, plain, ctx("visitor", id))));
    return id;
  }

  private static Views.Message message(PortalStore.MessageRow m, byte[] plain) {
    return new Views.Message(
        m.id(),
        Views.Author.valueOf(m.author()),
        Views.Kind.valueOf(m.kind()),
        LocalDate.ofEpochDay(m.day()),
        Fields.decode(plain).get("text"));
  }

  private Fields meta(OfficeKeys keys, PortalStore.ThreadRow t) {
    return t.meta()
        .map(b -> Fields.decode(vault.openSealed(keys, b, ctx("meta", t.id()))))
        .orElseGet(Fields::new);
  }

  private PortalStore.ThreadRow requireThread(String id) {
    if (!Ids.isId(id)) {
      throw noSuchThread();
    }
    return store.thread(id).orElseThrow(Portal::noSuchThread);
  }

  /**
   * A thread the Ombuds may see. One linked to a case they are recused from gets exactly the answer
   * for a thread that does not exist, as the case file does: recusal reveals nothing.
   */
  private PortalStore.ThreadRow requireVisibleThread(String actorId, String threadId) {
    PortalStore.ThreadRow t = requireThread(threadId);
    if (!visible(t, recusedCases.apply(actorId))) {
      throw noSuchThread();
    }
    return t;
  }

  private static boolean visible(PortalStore.ThreadRow t, Set<String> recused) {
    return t.caseId().map(c -> !recused.contains(c)).orElse(true);
  }

  private static PortalException noSuchThread() {
    return new PortalException(404, "not_found", "There is no such conversation.");
  }

  private OfficeKeys unlocked() {
    return officeKeys
        .get()
        .orElseThrow(
            () -> new PortalException(423, "office_locked", "The office is locked: log in again."));
  }

  private long today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toEpochDay();
  }

  private static String requireText(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new PortalException(400, "empty", "The " + what + " is empty: write something first.");
    }
    if (text.length() > MAX_MESSAGE) {
      throw new PortalException(
          413,
          "too_long",
          "The " + what + " is too long: at most " + MAX_MESSAGE + " characters. Split it in two.");
    }
    return text.strip();
  }

  private static void requireShort(String text, String what) {
    if (text.length() > MAX_SHORT) {
      throw new PortalException(
          400, "too_long", "The " + what + " is too long: at most " + MAX_SHORT + " characters.");
    }
  }

  private static byte[] ctx(String what, String id) {
    return ("portal|" + what + "|" + id).getBytes(StandardCharsets.UTF_8);
  }
}
