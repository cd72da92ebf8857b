-- Changes to the office's safeguards that wait for a second Ombuds (org.ombuds.safeguards):
-- who asked, what, when, and who decided. No case content: account ids and setting values only
-- (settings as "name=value" pairs separated by ";"). Times are epoch milliseconds.
CREATE TABLE office_change (
  id VARCHAR(36) PRIMARY KEY,
  kind VARCHAR(20) NOT NULL,
  requested_by VARCHAR(36) NOT NULL,
  requested_at BIGINT NOT NULL,
  subject VARCHAR(36),
  target VARCHAR(36),
  settings VARCHAR(400) NOT NULL DEFAULT '',
  status VARCHAR(12) NOT NULL,
  decided_by VARCHAR(36),
  decided_at BIGINT
);
CREATE INDEX office_change_by_status ON office_change (status, requested_at);

-- A new account inherits its creator's recusals until a second Ombuds confirms it: those rows name
-- the creator here, so that confirming lifts them and nothing else.
ALTER TABLE recusal ADD COLUMN inherited_from VARCHAR(36);
