-- The fast hint of each thread's receipt (org.ombuds.vault.PortalVault#hint): 24 bits of an HMAC
-- keyed from the office-wide salt, as 6 hex digits. The portal refuses a receipt whose hint no
-- thread has without the slow hash. Not unique: different receipts share a hint. Threads made
-- before this migration have none (NULL) until their receipt opens them once; while any thread
-- has none, every receipt takes the slow path.
ALTER TABLE portal_thread ADD COLUMN hint VARCHAR(8);
CREATE INDEX portal_thread_by_hint ON portal_thread (hint);
