-- Candidates' rows go with the status (members are kept).
PRAGMA foreign_keys = OFF;
BEGIN;
DELETE FROM rule_settings WHERE key LIKE 'candidate.%';
DROP TABLE candidate_categories;
DROP TABLE candidate_helpers;
DROP TABLE candidate_steps;
DROP TABLE candidate_files;
DELETE FROM member_name_words WHERE member_id IN (SELECT id FROM members WHERE status = 'candidate');
CREATE TABLE members_new (
    id                          INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id             BIGINT NOT NULL REFERENCES organizations (id),
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
    exempt_from                 TEXT,
    exempt_to                   TEXT,
    away_from                   TEXT,
    away_to                     TEXT,
    temporary_org_id            BIGINT REFERENCES organizations (id),
    exit_reason                 TEXT,
    interruption_days           BIGINT NOT NULL DEFAULT 0,
    interrupted_since           TEXT,
    ever_recognised             INTEGER NOT NULL DEFAULT 0,
    version                     BIGINT NOT NULL DEFAULT 1,
    created_at                  TEXT NOT NULL,
    updated_at                  TEXT NOT NULL,
    badge_milestone_held        INTEGER NOT NULL DEFAULT 0,
    next_badge_on               TEXT,
    interruptions               TEXT,
    legacy_id_no                TEXT
);
INSERT INTO members_new (id, organization_id, org_path, full_name, name_folded, name_sort_key, birth_name, other_names, gender, birth_date, birth_place, hometown, permanent_address, current_address, ethnicity, religion, national_id, phone, email, education_general, professional_qualification, academic_degree, academic_title, political_theory, state_management, foreign_languages, it_level, occupation, job_title, workplace, youth_union_joined_on, personal_history_no, introducers, first_admission_decision_on, admission_decision_on, admission_decision_no, ceremony_on, ceremony_place, official_on, status, card_number, in_transit, exempt_from, exempt_to, away_from, away_to, temporary_org_id, exit_reason, interruption_days, interrupted_since, ever_recognised, version, created_at, updated_at, badge_milestone_held, next_badge_on, interruptions, legacy_id_no)
SELECT id, organization_id, org_path, full_name, name_folded, name_sort_key, birth_name, other_names, gender, birth_date, birth_place, hometown, permanent_address, current_address, ethnicity, religion, national_id, phone, email, education_general, professional_qualification, academic_degree, academic_title, political_theory, state_management, foreign_languages, it_level, occupation, job_title, workplace, youth_union_joined_on, personal_history_no, introducers, first_admission_decision_on, admission_decision_on, admission_decision_no, ceremony_on, ceremony_place, official_on, status, card_number, in_transit, exempt_from, exempt_to, away_from, away_to, temporary_org_id, exit_reason, interruption_days, interrupted_since, ever_recognised, version, created_at, updated_at, badge_milestone_held, next_badge_on, interruptions, legacy_id_no
FROM members WHERE status <> 'candidate';
DROP TABLE members;
ALTER TABLE members_new RENAME TO members;
CREATE INDEX members_scope_sort_idx ON members (org_path, name_sort_key, id);
CREATE INDEX members_sort_idx ON members (name_sort_key, id);
CREATE INDEX members_folded_idx ON members (name_folded);
CREATE INDEX members_card_idx ON members (card_number);
CREATE INDEX members_status_card_idx ON members (status, card_number);
CREATE INDEX members_next_badge_idx ON members (next_badge_on, org_path, id);
CREATE INDEX members_legacy_id_idx ON members (legacy_id_no);
COMMIT;
PRAGMA foreign_keys = ON;
