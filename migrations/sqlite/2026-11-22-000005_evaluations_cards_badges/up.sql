-- Evaluations (rules 14-16), party cards (rule 17), party badges (rules 18-20), and the recorded
-- illnesses those rules depend on.

CREATE TABLE member_illnesses (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id  BIGINT NOT NULL REFERENCES members (id),
    from_on    TEXT NOT NULL,
    to_on      TEXT,
    -- A serious illness allows an early badge (rule 19).
    serious    INTEGER NOT NULL DEFAULT 0,
    note       TEXT NOT NULL,
    created_by BIGINT,
    created_at TEXT NOT NULL
);
CREATE INDEX member_illnesses_member_idx ON member_illnesses (member_id, from_on);

CREATE TABLE evaluations (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id         BIGINT NOT NULL REFERENCES members (id),
    year              INTEGER NOT NULL,
    -- The grassroots organisation whose round the rating belongs to (when it was made).
    grassroots_org_id BIGINT NOT NULL REFERENCES organizations (id),
    level             TEXT NOT NULL CHECK (level IN ('excellent', 'good', 'complete', 'not_complete', 'not_rated')),
    score             INTEGER CHECK (score BETWEEN 0 AND 100),
    not_rated_reason  TEXT CHECK (not_rated_reason IN ('recently_admitted', 'exempt', 'suspended')),
    note              TEXT,
    regulation        TEXT NOT NULL REFERENCES regulations (code),
    created_by        BIGINT,
    updated_by        BIGINT,
    version           BIGINT NOT NULL DEFAULT 1,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    UNIQUE (member_id, year)
);
CREATE INDEX evaluations_year_idx ON evaluations (year, grassroots_org_id);

CREATE TABLE evaluation_rounds (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    year            INTEGER NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    -- The summary as it was when the round closed.
    total           BIGINT NOT NULL DEFAULT 0,
    excellent       BIGINT NOT NULL DEFAULT 0,
    good            BIGINT NOT NULL DEFAULT 0,
    complete        BIGINT NOT NULL DEFAULT 0,
    not_complete    BIGINT NOT NULL DEFAULT 0,
    not_rated       BIGINT NOT NULL DEFAULT 0,
    regulation      TEXT NOT NULL REFERENCES regulations (code),
    closed_by       BIGINT,
    closed_at       TEXT,
    created_at      TEXT NOT NULL,
    UNIQUE (organization_id, year)
);

CREATE TABLE cards (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id   BIGINT NOT NULL REFERENCES members (id),
    card_number TEXT NOT NULL UNIQUE,
    status      TEXT NOT NULL CHECK (status IN ('active', 'void', 'revoked', 'collected')),
    issued_on   TEXT NOT NULL,
    decision_no TEXT NOT NULL,
    -- The card this one replaces (reissue after loss or damage).
    replaces_id BIGINT REFERENCES cards (id),
    ended_on    TEXT,
    end_reason  TEXT,
    regulation  TEXT NOT NULL REFERENCES regulations (code),
    created_by  BIGINT,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
-- One active card per member: of two racing issues exactly one gets in.
CREATE UNIQUE INDEX cards_one_active_idx ON cards (member_id) WHERE status = 'active';
CREATE INDEX cards_member_idx ON cards (member_id, id);

-- Named counters (the next generated card number).
CREATE TABLE counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO counters (name, value) VALUES ('card_number', 0);

CREATE TABLE badge_proposals (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id   BIGINT NOT NULL REFERENCES members (id),
    milestone   INTEGER NOT NULL,
    occasion_on TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn')),
    note        TEXT,
    proposed_by BIGINT,
    decided_by  BIGINT,
    decision_no TEXT,
    reject_reason TEXT,
    badge_id    BIGINT,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX badge_proposals_open_idx ON badge_proposals (member_id, milestone) WHERE status = 'proposed';
CREATE INDEX badge_proposals_occasion_idx ON badge_proposals (occasion_on, status);

CREATE TABLE badges (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id       BIGINT NOT NULL REFERENCES members (id),
    milestone       INTEGER NOT NULL,
    occasion_on     TEXT NOT NULL,
    decision_no     TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('awarded', 'returned')),
    early           INTEGER NOT NULL DEFAULT 0,
    posthumous      INTEGER NOT NULL DEFAULT 0,
    party_age_years INTEGER NOT NULL,
    proposal_id     BIGINT REFERENCES badge_proposals (id),
    returned_on     TEXT,
    regulation      TEXT NOT NULL REFERENCES regulations (code),
    created_by      BIGINT,
    created_at      TEXT NOT NULL,
    UNIQUE (member_id, milestone)
);
CREATE INDEX badges_occasion_idx ON badges (occasion_on);

-- Cached on the member row, kept in step in the same transaction as the events and awards:
-- the highest badge held, and the day the next milestone is reached (NULL when none can be),
-- so that the eligibility list is one indexed range query.
ALTER TABLE members ADD COLUMN badge_milestone_held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE members ADD COLUMN next_badge_on TEXT;
CREATE INDEX members_next_badge_idx ON members (next_badge_on);
-- Members due a card: official with no active card.
CREATE INDEX members_status_card_idx ON members (status, card_number);

INSERT INTO rule_settings (regulation, key, value)
SELECT r.code, s.key, s.value
FROM regulations r
CROSS JOIN (
    SELECT 'evaluation.excellent_quota_percent' AS key, '20' AS value
    UNION ALL SELECT 'evaluation.recently_admitted_months', '6'
    UNION ALL SELECT 'evaluation.illness_cap_months', '3'
    UNION ALL SELECT 'card.number_digits', '8'
    UNION ALL SELECT 'badge.milestones', '30,40,45,50,55,60,65,70,75,80,85,90'
    UNION ALL SELECT 'badge.early_months_until_65', '12'
    UNION ALL SELECT 'badge.early_months_from_70', '24'
    UNION ALL SELECT 'badge.wait_months_reprimand', '6'
    UNION ALL SELECT 'badge.wait_months_warning', '9'
    UNION ALL SELECT 'badge.wait_months_dismissal', '12'
) AS s;
-- The 100-point score came with the 2025 regulation.
INSERT INTO rule_settings (regulation, key, value) VALUES ('294-QĐ/TW', 'evaluation.score_bands', '90,70,50');
