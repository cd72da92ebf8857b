-- The annual report's settings: the suppression threshold, the personnel figures per year and the
-- Ombuds' assessment, observations and recommendations. One row, encrypted under the office key
-- (associated data names this table, column and row), so nothing of it is readable or silently
-- changeable in the database, not even which years have entries.
CREATE TABLE report_settings (
  id INTEGER PRIMARY KEY,
  data_enc ${blob} NOT NULL
);
