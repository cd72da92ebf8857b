package org.ombuds.portal;

import java.util.List;
import java.util.Optional;

/** Where the portal's rows live. Every byte array is ciphertext or key material wrapped. */
public interface PortalStore {
  /**
   * A thread: its receipt's lookup id, hint (none for a thread made before hints, until its receipt
   * opens it once), verifier and key pair, and its link to a case, if any.
   */
  @SuppressWarnings("ArrayRecordComponent") // rows, never compared
  record ThreadRow(
      String id,
      String lookup,
      Optional<String> hint,
      byte[] verifier,
      byte[] publicKeyset,
      byte[] wrappedPrivate,
      Optional<byte[]> meta,
      Optional<String> caseId,
      Optional<String> personId,
      long openedDay,
      long activity,
      boolean unread) {}

  /** One message, sealed twice: to the office and to the thread. */
  @SuppressWarnings("ArrayRecordComponent")
  record MessageRow(
      String id,
      String threadId,
      int seq,
      String author,
      String kind,
      long day,
      byte[] officeSealed,
      byte[] visitorSealed) {}

  /**
   * A draft shown to a visitor for consent, sealed to the thread; {@code officeSealed} holds the
   * anonymity estimate shown with it, sealed to the office (empty for requests made before it was
   * kept).
   */
  @SuppressWarnings("ArrayRecordComponent")
  record ConsentRow(
      String id,
      String threadId,
      String disclosureId,
      String caseId,
      String personId,
      int version,
      String status,
      long seq,
      Optional<String> consentId,
      byte[] visitorSealed,
      Optional<byte[]> officeSealed) {}

  /** The current status and version of a disclosure (both stored in clear by the mandate). */
  record DraftState(String caseId, String status, int version) {}

  /** The office-wide salt of the receipt hash, created with the first call. */
  byte[] salt(byte[] ifMissing);

  void insertThread(ThreadRow row);

  Optional<ThreadRow> threadByLookup(String lookup);

  /**
   * Whether a receipt with this hint may open a thread: some thread has this hint, or some thread
   * has no hint yet (made before hints), so that no hint can rule a receipt out.
   */
  boolean hintMayMatch(String hint);

  /** Stores the hint of a thread made before hints; a thread that has one keeps it. */
  void fillHint(String threadId, String hint);

  Optional<ThreadRow> thread(String id);

  /**
   * The public key of the visitor's decisions in a thread; empty for a thread made before decisions
   * were signed, until its visitor next opens a session.
   */
  Optional<byte[]> decisionKey(String threadId);

  /** Stores the public key of a thread's decisions where it has none. */
  void setDecisionKey(String threadId, byte[] publicKey);

  /** Stores the visitor's signature of the decision just recorded on a request. */
  void signDecision(String requestId, byte[] signature);

  /** The signature of a request's latest decision, if it has one. */
  Optional<byte[]> decisionSignature(String requestId);

  /**
   * The first request sequence number whose decisions must be signed: those of requests before it
   * were taken by a release that did not sign them (0 for an office made since).
   */
  long signedDecisionsFrom();

  /** Threads, newest activity first. */
  ThreadList threads();

  /**
   * The threads, split: those whose rows are sound, and the ids of those whose rows fail their
   * authentication tag (edited in the database), which nothing may read, seal to or act on.
   */
  record ThreadList(List<ThreadRow> sound, List<String> tampered) {
    public ThreadList {
      sound = List.copyOf(sound);
      tampered = List.copyOf(tampered);
    }
  }

  List<ThreadRow> threadsOf(String caseId, String personId);

  /** The next activity number (greater than every one given so far). */
  long nextActivity();

  void touch(String threadId, long activity, boolean unread);

  void markRead(String threadId);

  void link(String threadId, String caseId, String personId);

  void insertMessage(MessageRow row);

  List<MessageRow> messages(String threadId);

  int nextSeq(String threadId);

  void insertConsent(ConsentRow row);

  List<ConsentRow> consentsOfThread(String threadId);

  List<ConsentRow> consentsOfDisclosure(String disclosureId);

  /**
   * Sets a request's status and mandate consent id only if it is still {@code expected}.
   *
   * @return whether it was
   */
  boolean setConsentStatusIf(String id, String expected, String status, Optional<String> consentId);

  void setConsentStatus(String id, String status, Optional<String> consentId);

  Optional<DraftState> draftState(String disclosureId);
}
