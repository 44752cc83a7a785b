-- Issue 23: party dues under 01-QĐ/TW (2026) (docs/cell-year.md; rules 32, 33 and 37).
-- Amounts are whole đồng (64-bit integers), never floats; a month is the integer yyyymm.

-- A member's dated basis: from that day on, dues are computed from it (rule 32).
CREATE TABLE dues_bases (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id   BIGINT NOT NULL REFERENCES members (id),
    from_on     TEXT NOT NULL,
    category    TEXT NOT NULL CHECK (category IN ('social_insurance_salary', 'sickness_maternity_benefit',
                    'pension', 'student', 'no_insurance_working_age', 'no_insurance_retirement_age',
                    'abroad', 'other')),
    base        BIGINT NOT NULL CHECK (base >= 0),
    entered_by  BIGINT REFERENCES users (id),
    entered_at  TEXT NOT NULL,
    UNIQUE (member_id, from_on)
);

-- Exemptions and reductions over whole months (01-QĐ/TW art. 5).
CREATE TABLE dues_reliefs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id      BIGINT NOT NULL REFERENCES members (id),
    kind           TEXT NOT NULL CHECK (kind IN ('party_age_fifty', 'social_pension', 'hardship', 'reduction')),
    from_month     INTEGER NOT NULL,
    to_month       INTEGER,
    percent        INTEGER NOT NULL CHECK (percent IN (30, 50, 70, 100)),
    application_no TEXT,
    decided_on     TEXT NOT NULL,
    entered_by     BIGINT REFERENCES users (id),
    entered_at     TEXT NOT NULL
);
CREATE INDEX dues_reliefs_member_idx ON dues_reliefs (member_id);

-- Deferral and prepayment arrangements (art. 5 §2).
CREATE TABLE dues_arrangements (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id   BIGINT NOT NULL REFERENCES members (id),
    kind        TEXT NOT NULL CHECK (kind IN ('deferral', 'prepayment')),
    from_month  INTEGER NOT NULL,
    to_month    INTEGER NOT NULL CHECK (to_month >= from_month),
    decision_no TEXT NOT NULL,
    decided_on  TEXT NOT NULL,
    entered_by  BIGINT REFERENCES users (id),
    entered_at  TEXT NOT NULL
);
CREATE INDEX dues_arrangements_member_idx ON dues_arrangements (member_id);

-- Payments, each recorded by one cell's sheet of one month (sheet_month): a sheet's PUT
-- replaces the payments the same sheet recorded before.
CREATE TABLE dues_payments (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id       BIGINT NOT NULL REFERENCES members (id),
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    sheet_month     INTEGER NOT NULL,
    paid_on         TEXT NOT NULL,
    first_month     INTEGER NOT NULL,
    months          INTEGER NOT NULL,
    amount          BIGINT NOT NULL,
    channel         TEXT NOT NULL CHECK (channel IN ('cash', 'public_service_portal')),
    receipt_no      TEXT,
    entered_by      BIGINT REFERENCES users (id),
    entered_at      TEXT NOT NULL,
    CHECK (amount > 0 AND months > 0)
);
CREATE INDEX dues_payments_member_idx ON dues_payments (member_id, first_month);
CREATE INDEX dues_payments_sheet_idx ON dues_payments (organization_id, sheet_month);

-- Each member's month, settled by the transaction that changed it (derived: never imported).
CREATE TABLE dues_months (
    member_id       BIGINT NOT NULL REFERENCES members (id),
    month           INTEGER NOT NULL,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    due             BIGINT NOT NULL,
    paid            BIGINT NOT NULL,
    deferred        BIGINT NOT NULL,
    arrears         BIGINT NOT NULL,
    extra           BIGINT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('paid', 'partly_paid', 'deferred', 'exempt', 'unpaid', 'open', 'not_due')),
    regulation      TEXT NOT NULL,
    PRIMARY KEY (member_id, month),
    CHECK (due = paid + deferred + arrears),
    CHECK (due >= 0 AND paid >= 0 AND deferred >= 0 AND arrears >= 0 AND extra >= 0)
);
CREATE INDEX dues_months_org_idx ON dues_months (organization_id, month);

-- Each cell-month's sums of dues_months, with the cell's path as it was that month; the
-- reports of any subtree add these rows up.
CREATE TABLE dues_cell_months (
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    month           INTEGER NOT NULL,
    org_path        TEXT NOT NULL,
    members         INTEGER NOT NULL,
    due             BIGINT NOT NULL,
    paid            BIGINT NOT NULL,
    deferred        BIGINT NOT NULL,
    arrears         BIGINT NOT NULL,
    extra           BIGINT NOT NULL,
    unpaid_members  INTEGER NOT NULL,
    PRIMARY KEY (organization_id, month),
    CHECK (due = paid + deferred + arrears)
);
CREATE INDEX dues_cell_months_path_idx ON dues_cell_months (month, org_path);

-- 342-QĐ/TW's two rates found (1 % of the salary, 0.5 % of the social-insurance pension);
-- 01-QĐ/TW's (2026) are the defaults, stored so that an administrator sees and dates them.
INSERT INTO rule_settings (regulation, key, value)
SELECT r.code, s.key, s.value FROM regulations r
JOIN (
    SELECT '342-QĐ/TW' AS code, 'dues.salary_rate_bp' AS key, '100' AS value
    UNION ALL SELECT '342-QĐ/TW', 'dues.pension_rate_bp', '50'
    UNION ALL SELECT '01-QĐ/TW', 'dues.salary_rate_bp', '100'
    UNION ALL SELECT '01-QĐ/TW', 'dues.benefit_rate_bp', '100'
    UNION ALL SELECT '01-QĐ/TW', 'dues.pension_rate_bp', '50'
    UNION ALL SELECT '01-QĐ/TW', 'dues.student_amount', '5000'
    UNION ALL SELECT '01-QĐ/TW', 'dues.no_insurance_working_age_bp', '30;2028-01-01=50'
    UNION ALL SELECT '01-QĐ/TW', 'dues.no_insurance_retirement_age_bp', '20;2028-01-01=30'
    UNION ALL SELECT '01-QĐ/TW', 'dues.relief_max_months', '12'
    UNION ALL SELECT '01-QĐ/TW', 'dues.exempt_party_age_years', '50'
    UNION ALL SELECT '01-QĐ/TW', 'dues.unpaid_months_for_removal', '3'
) AS s ON s.code = r.code
WHERE 1 = 1
ON CONFLICT DO NOTHING;
