package org.ombuds.audit;

/**
 * What happened, as one of a closed set of event kinds.
 *
 * <p>The constant's {@link #name()} is part of each entry's hash, so a constant must never be
 * renamed or removed once released: entries that carry it would then no longer verify. Add new
 * kinds at the end instead.
 */
public enum AuditKind {
  OFFICE_CREATED,
  OFFICE_UNLOCKED,
  OFFICE_LOCKED,
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  LOGIN_THROTTLED,
  LOGOUT,
  SESSION_EXPIRED,
  ACCOUNT_CREATED,
  ACCOUNT_DISABLED,
  PASSPHRASE_CHANGED,
  RECOVERY_USED,
  TOTP_ENABLED,
  TOTP_DISABLED,
  SETTINGS_CHANGED,
  CASE_CREATED,
  CASE_OPENED,
  PERSON_ADDED,
  NOTE_ADDED,
  CASE_CLOSED,
  CASE_DESTROYED,
  KEY_CREATED,
  EXPORT,
  AUDIT_VERIFIED,
  CASE_UPDATED,
  CONTACT_ADDED,
  OPTION_RECORDED,
  REMINDER_ADDED,
  REMINDER_DONE,
  CASE_RECUSED,
  CASES_HANDED_OVER,
  LANGUAGE_CHANGED,
  DISCLOSURE_DRAFTED,
  DISCLOSURE_EDITED,
  DISCLOSURE_WITHDRAWN,
  CONSENT_GIVEN,
  CONSENT_REVOKED,
  RELEASE_REFUSED,
  DISCLOSURE_RELEASED,
  EXCEPTION_DETERMINED,
  EXCEPTION_CONFIRMED,
  // Stories for the publication series (ids only: story, case, disclosure, format, outcome).
  STORY_DRAFTED,
  STORY_EDITED,
  STORY_SENT_FOR_CONSENT,
  STORY_CHECKED,
  STORY_EXPORTED,
  ALERT_RAISED,
  ALERT_ACKNOWLEDGED,
  WATCH_AGREED,
  CHECK_IN_DONE,
  WATCH_ENDED,
  NOTIFICATION_SETTINGS_CHANGED,
  NOTIFICATION_SENT,
  NOTIFICATION_FAILED,
  // The visitor portal. Visitor steps name no thread (actor "visitor", subject "portal"), so an
  // entry's exact time cannot date a visitor's message; the Ombuds' steps name the thread.
  PORTAL_CONTACTED,
  PORTAL_SESSION_OPENED,
  PORTAL_SESSION_REFUSED,
  PORTAL_MESSAGE_SENT,
  PORTAL_RETALIATION_REPORTED,
  PORTAL_CONSENT_GRANTED,
  PORTAL_CONSENT_DECLINED,
  PORTAL_THREAD_READ,
  PORTAL_REPLIED,
  PORTAL_THREAD_LINKED,
  PORTAL_ACCESS_ISSUED,
  PORTAL_CONSENT_REQUESTED,
  PORTAL_CONSENT_REVOKED,
  REPORT_SETTINGS_CHANGED,
  REPORT_PRODUCED,
  STAT_RECORDS_PACKED,
  PERSON_MARKED_CONFIDANT,
  // An alert raised by a visitor's step in the portal (a message, a retaliation report): dated to
  // the day and naming no alert, whose row would tie it to a case (see datedToTheDay).
  PORTAL_ALERT_RAISED,
  // The exit check refused a text (ids only: the author, the exit and its subject, and whether a
  // match was shown or hidden from the author because they are recused from its case).
  EXIT_REFUSED,
  // The second-Ombuds rule for the office's safeguards (subject: the change's id; outcome: its
  // kind), a new account's recusals inherited from its creator (outcome: how many) and lifted,
  // and a new account confirmed by a second Ombuds.
  CHANGE_REQUESTED,
  CHANGE_CONFIRMED,
  CHANGE_DECLINED,
  CHANGE_CANCELLED,
  RECUSALS_INHERITED,
  RECUSALS_LIFTED,
  ACCOUNT_CONFIRMED,
  // An office made by a release before row tags was opened for the first time by one that has
  // them: every row the guarantees rest on was tagged (outcome: how many).
  ROWS_AUTHENTICATED,
  // The destruction of closed cases left a case out because a row it depends on fails its
  // authentication tag (subject: the case's id; outcome: "tampered:" and the row's table), once per
  // run of the office.
  DESTRUCTION_SKIPPED;

  private static final java.util.Map<String, AuditKind> BY_NAME =
      java.util.Arrays.stream(values())
          .collect(java.util.stream.Collectors.toUnmodifiableMap(AuditKind::name, k -> k));

  /**
   * Whether entries of this kind record the day only (midnight UTC), not the time of day: the steps
   * a visitor takes in the portal and the alerts they raise. An exact time would let whoever holds
   * the database and a log of the portal's connections tie a visit to an entry.
   */
  public boolean datedToTheDay() {
    return switch (this) {
      case PORTAL_CONTACTED,
          PORTAL_SESSION_OPENED,
          PORTAL_SESSION_REFUSED,
          PORTAL_MESSAGE_SENT,
          PORTAL_RETALIATION_REPORTED,
          PORTAL_CONSENT_GRANTED,
          PORTAL_CONSENT_DECLINED,
          PORTAL_CONSENT_REVOKED,
          PORTAL_ALERT_RAISED ->
          true;
      default -> false;
    };
  }

  /** The kind named {@code name} exactly, or empty (never throws, unlike {@link #valueOf}). */
  public static java.util.Optional<AuditKind> byName(String name) {
    return java.util.Optional.ofNullable(name == null ? null : BY_NAME.get(name));
  }
}
