-- The anonymity estimate's thresholds, set per office (defaults argued in
-- org.ombuds.anonymity.Thresholds): HIGH when at most 2 people fit, MEDIUM when at most 5,
-- a unit of at most 10 is small, 1 earlier release to the same recipient counts, and a
-- release within 14 days of the visitor's contact is "soon".
ALTER TABLE office ADD COLUMN anon_high INTEGER NOT NULL DEFAULT 2;
ALTER TABLE office ADD COLUMN anon_medium INTEGER NOT NULL DEFAULT 5;
ALTER TABLE office ADD COLUMN anon_small_unit INTEGER NOT NULL DEFAULT 10;
ALTER TABLE office ADD COLUMN anon_repeated INTEGER NOT NULL DEFAULT 1;
ALTER TABLE office ADD COLUMN anon_soon_days INTEGER NOT NULL DEFAULT 14;
