-- Movements: transfers, working away, exemptions, discipline; the tree's history.

CREATE TABLE transfers (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id        BIGINT NOT NULL REFERENCES members (id),
    kind             TEXT NOT NULL CHECK (kind IN ('official', 'temporary')),
    purpose          TEXT CHECK (purpose IN ('work', 'residence', 'study')),
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
    CHECK ((to_org_id IS NULL) <> (external_org IS NULL))
);
-- One pending transfer per member: of two racing issues exactly one gets in.
CREATE UNIQUE INDEX transfers_one_pending_idx ON transfers (member_id) WHERE status = 'pending';
CREATE INDEX transfers_from_idx ON transfers (from_path, status);
CREATE INDEX transfers_to_idx ON transfers (to_path, status);
CREATE INDEX transfers_member_idx ON transfers (member_id, id);

CREATE TABLE member_periods (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id  BIGINT NOT NULL REFERENCES members (id),
    kind       TEXT NOT NULL CHECK (kind IN ('absence', 'exemption')),
    from_on    TEXT NOT NULL,
    to_on      TEXT,
    place      TEXT,
    reason     TEXT NOT NULL,
    created_by BIGINT,
    created_at TEXT NOT NULL
);
CREATE INDEX member_periods_member_idx ON member_periods (member_id, kind, from_on);

CREATE TABLE disciplines (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id       BIGINT NOT NULL REFERENCES members (id),
    form            TEXT NOT NULL CHECK (form IN ('reprimand', 'warning', 'dismissal', 'expulsion')),
    decided_on      TEXT NOT NULL,
    decision_no     TEXT NOT NULL,
    reason          TEXT NOT NULL,
    lapses_on       TEXT,
    -- A complaint or a re-offence stops the automatic lapse.
    complaint_on    TEXT,
    reoffence_on    TEXT,
    regulation      TEXT NOT NULL REFERENCES regulations (code),
    created_by      BIGINT,
    created_at      TEXT NOT NULL
);
CREATE INDEX disciplines_member_idx ON disciplines (member_id, decided_on);

-- The tree as it was: each organisation's parent over time (reports as of a past date).
CREATE TABLE organization_links (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    parent_id       BIGINT REFERENCES organizations (id),
    from_on         TEXT,
    to_on           TEXT,
    decision_no     TEXT
);
CREATE INDEX organization_links_org_idx ON organization_links (organization_id, from_on);
INSERT INTO organization_links (organization_id, parent_id, from_on)
    SELECT id, parent_id, valid_from FROM organizations;

INSERT INTO rule_settings (regulation, key, value)
SELECT r.code, s.key, s.value
FROM regulations r
CROSS JOIN (
    SELECT 'transfer.filing_deadline_working_days' AS key, '60' AS value
    UNION ALL SELECT 'transfer.reporting_deadline_working_days', '30'
    UNION ALL SELECT 'transfer.temporary_min_months', '3'
    UNION ALL SELECT 'transfer.temporary_max_months', '12'
    UNION ALL SELECT 'transfer.temporary_study_max_months', '24'
    UNION ALL SELECT 'absence.alert_months', '12'
    UNION ALL SELECT 'discipline.lapse_months', '12'
    UNION ALL SELECT 'readmission.min_months', '36'
    UNION ALL SELECT 'readmission.min_months_after_criminal_record', '60'
) AS s;
