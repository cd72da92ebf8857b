-- The changes that wait for a second Ombuds (V13) carry a MAC like the rows of V14
-- (org.ombuds.store.RowTags): a database administrator can neither mark one applied, nor change
-- what was asked after the request, nor make one up. NULL until the office is first opened by the
-- release that brings this column; that open tags the rows already there, once, and records it in
-- the data directory (org.ombuds.app.Office).
ALTER TABLE office_change ADD COLUMN mac ${blob};
