-- Statistical records packed many to a row (org.ombuds.records.RecordSegment), each segment one
-- ciphertext under the office key: the annual report reads a few hundred rows instead of one per
-- closed case. Closing a case still writes one row to stat_record; the report packs them.
CREATE TABLE stat_segment (
  id VARCHAR(36) PRIMARY KEY,
  data_enc ${blob} NOT NULL
);
