-- The case file: persons, contacts, options, reminders, recusals, closure and the
-- de-identified statistical records that survive it. Content is encrypted per row
-- (data_enc) under the case's key; statistical records under the office key, with no
-- link back to the case.

ALTER TABLE case_file ADD COLUMN handler_id VARCHAR(36);
ALTER TABLE case_file ADD COLUMN composition_enc ${blob};
ALTER TABLE case_file ADD COLUMN outcome_enc ${blob};
ALTER TABLE case_file ADD COLUMN destroy_after BIGINT;

CREATE TABLE person (
  id VARCHAR(36) PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  data_enc ${blob} NOT NULL
);
CREATE INDEX person_by_case ON person (case_id);

CREATE TABLE contact (
  id VARCHAR(36) PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  data_enc ${blob} NOT NULL
);
CREATE INDEX contact_by_case ON contact (case_id);

CREATE TABLE case_option (
  id VARCHAR(36) PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  data_enc ${blob} NOT NULL
);
CREATE INDEX option_by_case ON case_option (case_id);

CREATE TABLE reminder (
  id VARCHAR(36) PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  data_enc ${blob} NOT NULL
);
CREATE INDEX reminder_by_case ON reminder (case_id);

CREATE TABLE recusal (
  case_id VARCHAR(36) NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  account_id VARCHAR(36) NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (case_id, account_id)
);

CREATE TABLE stat_record (
  id VARCHAR(36) PRIMARY KEY,
  data_enc ${blob} NOT NULL
);

CREATE TABLE office_category (
  code VARCHAR(20) PRIMARY KEY,
  label VARCHAR(200) NOT NULL
);

ALTER TABLE office ADD COLUMN grace_days INTEGER NOT NULL DEFAULT 0;
