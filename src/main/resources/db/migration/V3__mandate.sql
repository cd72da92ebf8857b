-- The mandate: disclosures (the only things that may leave the office), the consents
-- given to an exact version of one, and imminent-harm determinations. Content is
-- encrypted under the case's key, so closing a case destroys these too (cascade).

CREATE TABLE disclosure (
  id VARCHAR(36) PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  status VARCHAR(10) NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  released_at BIGINT,
  data_enc ${blob} NOT NULL
);
CREATE INDEX disclosure_by_case ON disclosure (case_id);

CREATE TABLE consent (
  id VARCHAR(36) PRIMARY KEY,
  disclosure_id VARCHAR(36) NOT NULL REFERENCES disclosure (id) ON DELETE CASCADE,
  case_id VARCHAR(36) NOT NULL,
  person_id VARCHAR(36) NOT NULL,
  version INTEGER NOT NULL,
  method VARCHAR(10) NOT NULL,
  given_at BIGINT NOT NULL,
  revoked_at BIGINT,
  data_enc ${blob} NOT NULL
);
CREATE INDEX consent_by_disclosure ON consent (disclosure_id);

CREATE TABLE determination (
  id VARCHAR(36) PRIMARY KEY,
  disclosure_id VARCHAR(36) NOT NULL REFERENCES disclosure (id) ON DELETE CASCADE,
  case_id VARCHAR(36) NOT NULL,
  version INTEGER NOT NULL,
  author_id VARCHAR(36) NOT NULL,
  created_at BIGINT NOT NULL,
  confirmed_by VARCHAR(36),
  data_enc ${blob} NOT NULL
);

ALTER TABLE office ADD COLUMN exception_needs_second INTEGER NOT NULL DEFAULT 0;
ALTER TABLE office ADD COLUMN letterhead VARCHAR(1000);
