-- Stories for the office's publication series. A story drawn from a case is encrypted
-- under the case's key and goes with the case (cascade) when the case is destroyed; a
-- story written without a case is encrypted under the office key (case_id NULL).
-- disclosure_id names the mandate's disclosure that carries a case story to the public.

CREATE TABLE story (
  id VARCHAR(36) PRIMARY KEY,
  case_id VARCHAR(36) REFERENCES case_file (id) ON DELETE CASCADE,
  disclosure_id VARCHAR(36),
  version INTEGER NOT NULL,
  audience INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  data_enc ${blob} NOT NULL
);
CREATE INDEX story_by_case ON story (case_id);
