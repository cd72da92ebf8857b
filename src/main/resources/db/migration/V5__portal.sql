-- The visitor portal: threads reached with a receipt, their messages and the consent
-- requests shown to visitors. No timestamps finer than the day, no IP address, no user
-- agent. A thread is not tied to case_file by a foreign key: it outlives the case, whose
-- destruction unlinks it (case_id, person_id set to NULL) and deletes its messages.

CREATE TABLE portal_salt (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  salt ${blob} NOT NULL
);

CREATE TABLE portal_thread (
  id VARCHAR(36) PRIMARY KEY,
  lookup VARCHAR(64) NOT NULL UNIQUE,
  verifier ${blob} NOT NULL,
  public_keyset ${blob} NOT NULL,
  wrapped_private ${blob} NOT NULL,
  meta_enc ${blob},
  case_id VARCHAR(36),
  person_id VARCHAR(36),
  opened_day INTEGER NOT NULL,
  activity BIGINT NOT NULL,
  unread INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX portal_thread_by_case ON portal_thread (case_id);

CREATE TABLE portal_message (
  id VARCHAR(36) PRIMARY KEY,
  thread_id VARCHAR(36) NOT NULL REFERENCES portal_thread (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  author VARCHAR(10) NOT NULL,
  kind VARCHAR(12) NOT NULL,
  day INTEGER NOT NULL,
  office_enc ${blob} NOT NULL,
  visitor_enc ${blob} NOT NULL,
  UNIQUE (thread_id, seq)
);

CREATE TABLE portal_consent (
  id VARCHAR(36) PRIMARY KEY,
  thread_id VARCHAR(36) NOT NULL REFERENCES portal_thread (id) ON DELETE CASCADE,
  disclosure_id VARCHAR(36) NOT NULL,
  case_id VARCHAR(36) NOT NULL,
  person_id VARCHAR(36) NOT NULL,
  version INTEGER NOT NULL,
  status VARCHAR(10) NOT NULL,
  seq BIGINT NOT NULL,
  consent_id VARCHAR(36),
  visitor_enc ${blob} NOT NULL
);
CREATE INDEX portal_consent_by_disclosure ON portal_consent (disclosure_id);
CREATE INDEX portal_consent_by_thread ON portal_consent (thread_id);
