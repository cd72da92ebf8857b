-- Rows that the mandate's guarantees rest on carry a MAC (HMAC-SHA256) under a key derived from the
-- audit key file, which lives outside the database: over the table's name and every column's value,
-- so that a database administrator can neither edit such a row nor make one up undetected
-- (org.ombuds.store.RowTags). NULL until the office is first opened by the release that brings this
-- column; that first open tags every row and records it in the audit log and the data directory.
ALTER TABLE office ADD COLUMN mac ${blob};
ALTER TABLE account ADD COLUMN mac ${blob};
ALTER TABLE case_file ADD COLUMN mac ${blob};
ALTER TABLE recusal ADD COLUMN mac ${blob};
ALTER TABLE disclosure ADD COLUMN mac ${blob};
ALTER TABLE consent ADD COLUMN mac ${blob};
ALTER TABLE determination ADD COLUMN mac ${blob};
ALTER TABLE portal_thread ADD COLUMN mac ${blob};
ALTER TABLE portal_consent ADD COLUMN mac ${blob};
-- The changes that wait for a second Ombuds (V13): none can be marked applied, edited after the
-- request, or made up.
ALTER TABLE office_change ADD COLUMN mac ${blob};

-- A visitor's decisions (grant, refusal, withdrawal) are signed with a key derived from their
-- receipt (Ed25519; org.ombuds.vault.PortalVault): the thread keeps the public half, the request
-- the signature of its latest decision. Decisions taken before this release carry none: the office
-- row records the first request sequence number from which a signature is required.
ALTER TABLE portal_thread ADD COLUMN decision_key ${blob};
ALTER TABLE portal_consent ADD COLUMN decision_sig ${blob};
ALTER TABLE office ADD COLUMN signed_decisions_from BIGINT NOT NULL DEFAULT 0;
