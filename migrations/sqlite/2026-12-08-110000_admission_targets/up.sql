-- Issue 22: each organisation's yearly admission target (chỉ tiêu kết nạp đảng viên), from its
-- congress resolution (the document's number and date), entered by its board or a board above
-- (audited). One target per organisation and year.
CREATE TABLE admission_targets (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    year            INTEGER NOT NULL,
    target          INTEGER NOT NULL CHECK (target > 0),
    resolution_no   TEXT NOT NULL,
    resolution_on   TEXT NOT NULL,
    entered_by      BIGINT REFERENCES users (id),
    entered_at      TEXT NOT NULL,
    version         BIGINT NOT NULL DEFAULT 1,
    UNIQUE (organization_id, year)
);
CREATE INDEX admission_targets_year_idx ON admission_targets (year, organization_id);
