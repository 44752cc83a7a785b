CREATE TABLE transfers_old (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id        BIGINT NOT NULL REFERENCES members (id),
    kind             TEXT NOT NULL CHECK (kind IN ('official', 'temporary')),
    purpose          TEXT CHECK (purpose IN ('work', 'residence', 'study')),
    from_org_id      BIGINT NOT NULL REFERENCES organizations (id),
    from_path        TEXT NOT NULL,
    to_org_id        BIGINT REFERENCES organizations (id),
    to_path          TEXT,
    external_org     TEXT,
    status           TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected', 'cancelled', 'completed')),
    event_on         TEXT,
    issued_on        TEXT NOT NULL,
    until_on         TEXT,
    received_on      TEXT,
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
    CHECK ((to_org_id IS NULL) <> (external_org IS NULL))
);
INSERT INTO transfers_old (id, member_id, kind, purpose, from_org_id, from_path, to_org_id,
    to_path, external_org, status, event_on, issued_on, until_on, received_on, report_by, reason,
    late_reason, decision_no, regulation, created_by, decided_by, version, created_at, updated_at)
SELECT id, member_id, kind, CASE WHEN purpose = 'abroad' THEN 'work' ELSE purpose END,
    from_org_id, from_path, to_org_id, to_path, external_org, status, event_on, issued_on,
    until_on, received_on, report_by, reason, late_reason, decision_no, regulation, created_by,
    decided_by, version, created_at, updated_at
FROM transfers;
DROP TABLE transfers;
ALTER TABLE transfers_old RENAME TO transfers;
CREATE UNIQUE INDEX transfers_one_pending_idx ON transfers (member_id) WHERE status = 'pending';
CREATE INDEX transfers_from_idx ON transfers (from_path, status);
CREATE INDEX transfers_to_idx ON transfers (to_path, status);
CREATE INDEX transfers_member_idx ON transfers (member_id, id);
