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
  STORY_EXPORTED
}
