-- Candidates (issue 22, docs/candidates.md): a candidate is a `members` row with status
-- `candidate` and no admission dates until the ceremony.
PRAGMA foreign_keys = OFF;
BEGIN;
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
    first_admission_decision_on TEXT,
    admission_decision_on       TEXT,
    admission_decision_no       TEXT,
    ceremony_on                 TEXT,
    ceremony_place              TEXT,
    official_on                 TEXT,
    status                      TEXT NOT NULL CHECK (status IN ('candidate', 'probationary', 'official', 'exited', 'transferred_out')),
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
    legacy_id_no                TEXT,
    -- A candidate (issue 22) has no admission dates yet; every member has them.
    CHECK (status = 'candidate' OR (first_admission_decision_on IS NOT NULL
        AND admission_decision_on IS NOT NULL AND ceremony_on IS NOT NULL))
);
INSERT INTO members_new (id, organization_id, org_path, full_name, name_folded, name_sort_key, birth_name, other_names, gender, birth_date, birth_place, hometown, permanent_address, current_address, ethnicity, religion, national_id, phone, email, education_general, professional_qualification, academic_degree, academic_title, political_theory, state_management, foreign_languages, it_level, occupation, job_title, workplace, youth_union_joined_on, personal_history_no, introducers, first_admission_decision_on, admission_decision_on, admission_decision_no, ceremony_on, ceremony_place, official_on, status, card_number, in_transit, exempt_from, exempt_to, away_from, away_to, temporary_org_id, exit_reason, interruption_days, interrupted_since, ever_recognised, version, created_at, updated_at, badge_milestone_held, next_badge_on, interruptions, legacy_id_no)
SELECT id, organization_id, org_path, full_name, name_folded, name_sort_key, birth_name, other_names, gender, birth_date, birth_place, hometown, permanent_address, current_address, ethnicity, religion, national_id, phone, email, education_general, professional_qualification, academic_degree, academic_title, political_theory, state_management, foreign_languages, it_level, occupation, job_title, workplace, youth_union_joined_on, personal_history_no, introducers, first_admission_decision_on, admission_decision_on, admission_decision_no, ceremony_on, ceremony_place, official_on, status, card_number, in_transit, exempt_from, exempt_to, away_from, away_to, temporary_org_id, exit_reason, interruption_days, interrupted_since, ever_recognised, version, created_at, updated_at, badge_milestone_held, next_badge_on, interruptions, legacy_id_no
FROM members;
DROP TABLE members;
ALTER TABLE members_new RENAME TO members;
CREATE INDEX members_scope_sort_idx ON members (org_path, name_sort_key, id);
CREATE INDEX members_sort_idx ON members (name_sort_key, id);
CREATE INDEX members_folded_idx ON members (name_folded);
CREATE INDEX members_card_idx ON members (card_number);
CREATE INDEX members_status_card_idx ON members (status, card_number);
CREATE INDEX members_next_badge_idx ON members (next_badge_on, org_path, id);
CREATE INDEX members_legacy_id_idx ON members (legacy_id_no);

-- A candidate's file (issue 22): what the pipeline adds to the member row it shares with the
-- future member. One row per candidate, kept after the ceremony (the development report reads
-- it). A table of its own rather than columns on `members`: that table is at 58 of the 64
-- columns the server's query builder is compiled for.
CREATE TABLE candidate_files (
    member_id          BIGINT PRIMARY KEY REFERENCES members (id),
    source             TEXT NOT NULL CHECK (source IN ('youth_union', 'womens_union', 'veterans', 'trade_union', 'workplace', 'other')),
    identified_on      TEXT NOT NULL,
    -- Rule 26: still a member of the Youth Union / the trade union.
    youth_union_member INTEGER NOT NULL DEFAULT 0,
    trade_union_member INTEGER NOT NULL DEFAULT 0,
    -- Rule 1: consent to admit a person over 60.
    age_consent_no     TEXT,
    -- Rule 31: a population-policy case.
    population_policy  INTEGER NOT NULL DEFAULT 0,
    dropped_on         TEXT,
    drop_reason        TEXT CHECK (drop_reason IN ('withdrew', 'not_qualified', 'cell_not_approved', 'moved_away', 'deceased', 'other')),
    drop_note          TEXT,
    CHECK ((dropped_on IS NULL) = (drop_reason IS NULL))
);

-- One dated step of the file, with its document; the columns a kind does not use are NULL.
CREATE TABLE candidate_steps (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id      BIGINT NOT NULL REFERENCES members (id),
    kind           TEXT NOT NULL CHECK (kind IN ('helpers_assigned', 'awareness_course', 'application',
        'personal_history', 'history_verified', 'introduction', 'youth_union_introduction',
        'trade_union_introduction', 'cell_resolution', 'grassroots_resolution', 'decision_extended',
        'admission_decision', 'admission_refused', 'ceremony')),
    on_date        TEXT NOT NULL,
    document_no    TEXT,
    -- The charter document in force on `on_date`.
    regulation     TEXT NOT NULL REFERENCES regulations (code),
    -- A decision: the day the cell received it (rule 2).
    received_on    TEXT,
    -- A decision or refusal after its deadline (rule 29).
    late_reason    TEXT,
    -- A ceremony after its deadline: the superior committee's approval (rule 2).
    approval_no    TEXT,
    -- The cell's or the grassroots committee's vote (rules 27–28).
    vote_members   INTEGER,
    vote_agreeing  INTEGER,
    -- An introduction (rule 25).
    introducer_id  BIGINT REFERENCES members (id),
    together_since TEXT,
    replacing      INTEGER NOT NULL DEFAULT 0,
    entered_by     BIGINT,
    entered_at     TEXT NOT NULL,
    CHECK ((vote_members IS NULL) = (vote_agreeing IS NULL)),
    CHECK (kind <> 'introduction' OR (introducer_id IS NOT NULL AND together_since IS NOT NULL))
);
CREATE INDEX candidate_steps_member_idx ON candidate_steps (member_id, id);
CREATE INDEX candidate_steps_introducer_idx ON candidate_steps (introducer_id);
CREATE UNIQUE INDEX candidate_steps_once_idx ON candidate_steps (member_id, kind)
    WHERE kind NOT IN ('helpers_assigned', 'awareness_course', 'introduction');

-- The official members a `helpers_assigned` step assigns.
CREATE TABLE candidate_helpers (
    step_id   BIGINT NOT NULL REFERENCES candidate_steps (id),
    helper_id BIGINT NOT NULL REFERENCES members (id),
    -- Replaced from this day (a later `helpers_assigned` step).
    to_on     TEXT,
    PRIMARY KEY (step_id, helper_id)
);
CREATE INDEX candidate_helpers_helper_idx ON candidate_helpers (helper_id);

-- Rule 31: the occupational categories entered with the candidate.
CREATE TABLE candidate_categories (
    member_id BIGINT NOT NULL REFERENCES members (id),
    category  TEXT NOT NULL CHECK (category IN ('private_business_owner', 'student', 'worker', 'free_or_contract_labour')),
    PRIMARY KEY (member_id, category)
);

-- Rules 24, 25, 26, 29: the pipeline's parameters, for every charter document.
INSERT INTO rule_settings (regulation, key, value)
SELECT c.regulation, s.key, s.value
FROM regulation_chains c
CROSS JOIN (
    SELECT 'candidate.certificate_valid_months' AS key, '60' AS value
    UNION ALL SELECT 'candidate.introducer_together_months', '12'
    UNION ALL SELECT 'candidate.youth_age_max_years', '30'
    UNION ALL SELECT 'candidate.decision_deadline_working_days', '60'
    UNION ALL SELECT 'candidate.decision_extension_working_days', '30'
) AS s
WHERE c.chain = 'charter'
ON CONFLICT DO NOTHING;
COMMIT;
PRAGMA foreign_keys = ON;
