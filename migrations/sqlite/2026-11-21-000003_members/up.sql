-- Members: the dossier, its dated events (the truth), membership periods, annual supplements,
-- and the regulations whose dated settings the rules are judged by.

CREATE TABLE regulations (
    code           TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    effective_from TEXT NOT NULL UNIQUE
);

INSERT INTO regulations (code, title, effective_from) VALUES
    ('29-QĐ/TW', 'Quy định 29-QĐ/TW ngày 25/7/2016 về thi hành Điều lệ Đảng', '2016-07-25'),
    ('24-QĐ/TW', 'Quy định 24-QĐ/TW ngày 30/7/2021 về thi hành Điều lệ Đảng', '2021-07-30'),
    ('294-QĐ/TW', 'Quy định 294-QĐ/TW ngày 26/5/2025 về thi hành Điều lệ Đảng', '2025-05-26');

CREATE TABLE rule_settings (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    regulation TEXT NOT NULL REFERENCES regulations (code),
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    UNIQUE (regulation, key)
);

INSERT INTO rule_settings (regulation, key, value)
SELECT r.code, s.key, s.value
FROM regulations r
CROSS JOIN (
    SELECT 'admission.min_age_months' AS key, '216' AS value
    UNION ALL SELECT 'admission.consent_age_years', '60'
    UNION ALL SELECT 'admission.ceremony_deadline_working_days', '30'
    UNION ALL SELECT 'probation.months', '12'
    UNION ALL SELECT 'probation.recognition_overdue_working_days', '30'
) AS s;

CREATE TABLE members (
    id                          INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id             BIGINT NOT NULL REFERENCES organizations (id),
    -- Path of the member's organisation, for scoped and subtree queries (rewritten on restructures).
    org_path                    TEXT NOT NULL,
    full_name                   TEXT NOT NULL,
    name_folded                 TEXT NOT NULL,
    name_sort_key               TEXT NOT NULL,
    birth_name                  TEXT,
    other_names                 TEXT,
    gender                      TEXT NOT NULL CHECK (gender IN ('male', 'female')),
    birth_date                  TEXT NOT NULL,
    birth_place                 TEXT,
    hometown                    TEXT,
    permanent_address           TEXT,
    current_address             TEXT,
    ethnicity                   TEXT,
    religion                    TEXT,
    national_id                 TEXT UNIQUE,
    phone                       TEXT,
    email                       TEXT,
    education_general           TEXT,
    professional_qualification  TEXT,
    academic_degree             TEXT,
    academic_title              TEXT,
    political_theory            TEXT CHECK (political_theory IN ('none', 'elementary', 'intermediate', 'advanced', 'bachelor')),
    state_management            TEXT,
    foreign_languages           TEXT,
    it_level                    TEXT,
    occupation                  TEXT,
    job_title                   TEXT,
    workplace                   TEXT,
    youth_union_joined_on       TEXT,
    personal_history_no         TEXT UNIQUE,
    introducers                 TEXT,
    first_admission_decision_on TEXT NOT NULL,
    admission_decision_on       TEXT NOT NULL,
    admission_decision_no       TEXT,
    ceremony_on                 TEXT NOT NULL,
    ceremony_place              TEXT,
    official_on                 TEXT,
    status                      TEXT NOT NULL CHECK (status IN ('probationary', 'official', 'exited', 'transferred_out')),
    card_number                 TEXT,
    in_transit                  INTEGER NOT NULL DEFAULT 0,
    -- Current or latest exemption and absence (working away): the flags are computed for a date.
    exempt_from                 TEXT,
    exempt_to                   TEXT,
    away_from                   TEXT,
    away_to                     TEXT,
    -- Accepted temporary transfer: where the member is temporarily registered.
    temporary_org_id            BIGINT REFERENCES organizations (id),
    exit_reason                 TEXT,
    -- Party age cache, derived from the events in the same transaction: days of closed
    -- interruptions, and the start of an open one (age frozen).
    interruption_days           BIGINT NOT NULL DEFAULT 0,
    interrupted_since           TEXT,
    ever_recognised             INTEGER NOT NULL DEFAULT 0,
    version                     BIGINT NOT NULL DEFAULT 1,
    created_at                  TEXT NOT NULL,
    updated_at                  TEXT NOT NULL
);
CREATE INDEX members_scope_sort_idx ON members (org_path, name_sort_key, id);
CREATE INDEX members_sort_idx ON members (name_sort_key, id);
CREATE INDEX members_folded_idx ON members (name_folded);
CREATE INDEX members_card_idx ON members (card_number);

CREATE TABLE member_events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id       BIGINT NOT NULL REFERENCES members (id),
    kind            TEXT NOT NULL,
    occurred_on     TEXT NOT NULL,
    decision_no     TEXT,
    decision_on     TEXT,
    deciding_org_id BIGINT REFERENCES organizations (id),
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    regulation      TEXT NOT NULL REFERENCES regulations (code),
    details         TEXT,
    entered_by      BIGINT,
    entered_by_name TEXT NOT NULL,
    entered_at      TEXT NOT NULL
);
CREATE INDEX member_events_member_idx ON member_events (member_id, occurred_on, id);

CREATE TABLE memberships (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id       BIGINT NOT NULL REFERENCES members (id),
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    from_on         TEXT NOT NULL,
    -- First day no longer in that organisation; NULL while current.
    to_on           TEXT
);
CREATE INDEX memberships_member_idx ON memberships (member_id, from_on);
CREATE INDEX memberships_org_idx ON memberships (organization_id, from_on);

CREATE TABLE member_supplements (
    member_id  BIGINT NOT NULL REFERENCES members (id),
    year       INTEGER NOT NULL,
    filed_on   TEXT NOT NULL,
    note       TEXT,
    changes    TEXT,
    entered_by BIGINT,
    entered_at TEXT NOT NULL,
    PRIMARY KEY (member_id, year)
);
