-- Rule 18: special award occasions decided by a provincial standing committee, valid for the
-- members of its subtree (the four anniversaries need no record).
CREATE TABLE badge_occasions (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    occasion_on     TEXT NOT NULL,
    title           TEXT NOT NULL,
    decision_no     TEXT NOT NULL,
    created_by      BIGINT,
    created_at      TEXT NOT NULL,
    UNIQUE (organization_id, occasion_on)
);
CREATE INDEX badge_occasions_on_idx ON badge_occasions (occasion_on);

-- Rule 20: the cell's recognition that a disciplined member remedied the fault (once per decision).
CREATE TABLE discipline_remedies (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    discipline_id BIGINT NOT NULL UNIQUE REFERENCES disciplines (id),
    recognised_on TEXT NOT NULL,
    resolution_no TEXT NOT NULL,
    note          TEXT,
    created_by    BIGINT,
    created_at    TEXT NOT NULL
);

-- Rule 20, 2016 era (29-QĐ/TW): a reprimand did not block a badge; 6 months after a warning,
-- 12 after a dismissal. The 2021 numbers (6 / 9 / 12) stay on the later regulations.
UPDATE rule_settings SET value = '0' WHERE regulation = '29-QĐ/TW' AND key = 'badge.wait_months_reprimand';
UPDATE rule_settings SET value = '6' WHERE regulation = '29-QĐ/TW' AND key = 'badge.wait_months_warning';
UPDATE rule_settings SET value = '12' WHERE regulation = '29-QĐ/TW' AND key = 'badge.wait_months_dismissal';

-- Rule 19: a posthumous award up to 12 months early (HD 01-HD/TW §18.2), stored so that it is
-- visible and editable with the other settings.
INSERT INTO rule_settings (regulation, key, value)
SELECT code, 'badge.posthumous_early_months', '12' FROM regulations;
