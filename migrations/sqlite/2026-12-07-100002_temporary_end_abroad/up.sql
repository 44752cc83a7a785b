-- Rule 8: a temporary registration ends (the member's return recorded, or an official transfer
-- in its place) on `ended_on`; a temporary transfer abroad (purpose `abroad`). SQLite cannot
-- change a CHECK constraint, so the table is rebuilt with the same rows, ids and indexes.
CREATE TABLE transfers_new (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id        BIGINT NOT NULL REFERENCES members (id),
    kind             TEXT NOT NULL CHECK (kind IN ('official', 'temporary')),
    purpose          TEXT CHECK (purpose IN ('work', 'residence', 'study', 'abroad')),
    from_org_id      BIGINT NOT NULL REFERENCES organizations (id),
    from_path        TEXT NOT NULL,
    -- NULL for a transfer to outside the system (then external_org names it).
    to_org_id        BIGINT REFERENCES organizations (id),
    to_path          TEXT,
    external_org     TEXT,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled', 'completed')),
    event_on         TEXT,
    issued_on        TEXT NOT NULL,
    until_on         TEXT,
    received_on      TEXT,
    -- Rule 6: last day to report at the receiving cell.
    report_by        TEXT NOT NULL,
    reason           TEXT NOT NULL,
    late_reason      TEXT,
    decision_no      TEXT,
    regulation       TEXT NOT NULL REFERENCES regulations (code),
    created_by       BIGINT,
    decided_by       BIGINT,
    version          BIGINT NOT NULL DEFAULT 1,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    -- Rule 8: the day a temporary registration ended.
    ended_on         TEXT,
    CHECK ((to_org_id IS NULL) <> (external_org IS NULL))
);
INSERT INTO transfers_new (id, member_id, kind, purpose, from_org_id, from_path, to_org_id,
    to_path, external_org, status, event_on, issued_on, until_on, received_on, report_by, reason,
    late_reason, decision_no, regulation, created_by, decided_by, version, created_at, updated_at)
SELECT id, member_id, kind, purpose, from_org_id, from_path, to_org_id, to_path, external_org,
    status, event_on, issued_on, until_on, received_on, report_by, reason, late_reason,
    decision_no, regulation, created_by, decided_by, version, created_at, updated_at
FROM transfers;
DROP TABLE transfers;
ALTER TABLE transfers_new RENAME TO transfers;
CREATE UNIQUE INDEX transfers_one_pending_idx ON transfers (member_id) WHERE status = 'pending';
CREATE INDEX transfers_from_idx ON transfers (from_path, status);
CREATE INDEX transfers_to_idx ON transfers (to_path, status);
CREATE INDEX transfers_member_idx ON transfers (member_id, id);
-- A temporary registration already replaced by an official move has ended.
UPDATE transfers SET ended_on = (
    SELECT MIN(t2.received_on) FROM transfers t2
    WHERE t2.member_id = transfers.member_id AND t2.kind = 'official'
      AND t2.status IN ('accepted', 'completed') AND t2.received_on >= transfers.received_on)
WHERE kind = 'temporary' AND status = 'accepted';
