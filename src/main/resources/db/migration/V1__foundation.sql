-- Foundation schema. Runs unchanged on SQLite and PostgreSQL: ${blob} is BLOB or BYTEA.
-- Times are epoch milliseconds. Every column that could hold case content is a ciphertext
-- (suffix _enc), bound by associated data to its case, table, column and row.

CREATE TABLE office (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  created_at BIGINT NOT NULL,
  public_keyset ${blob} NOT NULL,
  recovery_wrapped ${blob} NOT NULL,
  require_totp INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE account (
  id VARCHAR(36) PRIMARY KEY,
  username VARCHAR(64) NOT NULL UNIQUE,
  kdf_salt ${blob} NOT NULL,
  kdf_memory_kib INTEGER NOT NULL,
  kdf_iterations INTEGER NOT NULL,
  kdf_parallelism INTEGER NOT NULL,
  wrapped_office ${blob} NOT NULL,
  totp_secret_enc ${blob},
  language VARCHAR(8) NOT NULL DEFAULT 'en',
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  kind VARCHAR(40) NOT NULL,
  actor VARCHAR(100) NOT NULL,
  subject VARCHAR(100) NOT NULL,
  outcome VARCHAR(100) NOT NULL,
  prev_hash ${blob} NOT NULL,
  hash ${blob} NOT NULL,
  mac ${blob} NOT NULL
);

CREATE TABLE case_file (
  id VARCHAR(36) PRIMARY KEY,
  wrapped_key ${blob} NOT NULL,
  status VARCHAR(10) NOT NULL,
  opened_at BIGINT NOT NULL,
  closed_at BIGINT,
  version INTEGER NOT NULL DEFAULT 0,
  title_enc ${blob} NOT NULL,
  categories_enc ${blob} NOT NULL,
  unit_name_enc ${blob} NOT NULL,
  unit_size_enc ${blob} NOT NULL
);

CREATE TABLE note (
  id VARCHAR(36) PRIMARY KEY,
  case_id VARCHAR(36) NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
  created_at BIGINT NOT NULL,
  author_id VARCHAR(36) NOT NULL,
  body_enc ${blob} NOT NULL
);

CREATE INDEX note_by_case ON note (case_id, created_at);
