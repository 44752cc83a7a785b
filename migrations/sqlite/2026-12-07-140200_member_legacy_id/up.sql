-- A legacy 9-digit CMND (identity card before the CCCD) in its own field (rule 21): validated,
-- searchable, shown and masked like the CCCD. Not unique: an old record and a new one of the
-- same person may both carry it, and re-admission "once per person" (rule 13) looks across them.
ALTER TABLE members ADD COLUMN legacy_id_no TEXT;
CREATE INDEX members_legacy_id_idx ON members (legacy_id_no);
