-- A portal consent request keeps, sealed to the office's public key, the anonymity estimate the
-- visitor is shown with the text, so that the mandate can tell, when the grant is applied and at
-- the release, whether the estimate got worse since (the consent is then stale). Requests made
-- before this migration have none (NULL): their grant counts as given on the estimate of the
-- moment it is applied.
ALTER TABLE portal_consent ADD COLUMN office_enc ${blob};
