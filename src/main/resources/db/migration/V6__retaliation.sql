-- Retaliation watch, alerts and e-mail notifications. Nothing here holds text.
--
-- A watch outlives its case: when the case is destroyed, the foreign keys set its case_id and
-- person_id to NULL (keeping the watch's id, its end day and its check-ins), and an alert's
-- case_id likewise. Days are ISO dates (YYYY-MM-DD): nothing is kept more precisely than a day.

CREATE TABLE retaliation_watch (
  id VARCHAR(36) PRIMARY KEY,
  case_id VARCHAR(36) REFERENCES case_file (id) ON DELETE SET NULL,
  person_id VARCHAR(36) REFERENCES person (id) ON DELETE SET NULL,
  until_day VARCHAR(10) NOT NULL,
  agreed_on VARCHAR(10) NOT NULL,
  ended_on VARCHAR(10)
);
CREATE INDEX watch_by_case ON retaliation_watch (case_id);

CREATE TABLE check_in (
  watch_id VARCHAR(36) NOT NULL REFERENCES retaliation_watch (id) ON DELETE CASCADE,
  due_day VARCHAR(10) NOT NULL,
  done_on VARCHAR(10),
  alerted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (watch_id, due_day)
);
CREATE INDEX check_in_by_day ON check_in (due_day);

CREATE TABLE alert (
  id VARCHAR(36) PRIMARY KEY,
  seq BIGINT NOT NULL UNIQUE,
  kind VARCHAR(40) NOT NULL,
  urgent INTEGER NOT NULL,
  case_id VARCHAR(36) REFERENCES case_file (id) ON DELETE SET NULL,
  watch_id VARCHAR(36) REFERENCES retaliation_watch (id) ON DELETE SET NULL,
  raised_on VARCHAR(10) NOT NULL,
  acknowledged_by VARCHAR(36),
  acknowledged_on VARCHAR(10)
);
CREATE INDEX alert_open ON alert (acknowledged_by, seq);

-- One row (id = 1) when the office set notifications up. The SMTP password is encrypted under
-- the server's notification key (a file beside audit.key), never stored in clear.
CREATE TABLE notification_settings (
  id INTEGER PRIMARY KEY,
  enabled INTEGER NOT NULL,
  host VARCHAR(255) NOT NULL,
  port INTEGER NOT NULL,
  security VARCHAR(10) NOT NULL,
  username VARCHAR(255),
  password_enc ${blob},
  mail_from VARCHAR(320) NOT NULL,
  mail_to VARCHAR(320) NOT NULL
);
