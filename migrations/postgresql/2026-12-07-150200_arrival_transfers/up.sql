-- An arrival from outside the system (rule 7) is recorded as a completed incoming transfer, so
-- the transfers list ("chuyển đến") shows it: `from_external` names the sending organisation
-- outside the system (army, police, abroad, an installation not on the system); such a row's
-- from_org_id/from_path are the receiving cell's, the only side on the system.
ALTER TABLE transfers ADD COLUMN from_external TEXT;
