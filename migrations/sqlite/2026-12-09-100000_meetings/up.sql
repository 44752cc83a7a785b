-- Issue 23 (docs/cell-year.md): a cell's meetings with their whole attendance sheet, and the
-- duties it assigns its members. Rules 34–36 and 38 of docs/rules.md.
CREATE TABLE meetings (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    kind            TEXT NOT NULL CHECK (kind IN ('regular', 'topical')),
    held_on         TEXT NOT NULL,
    agenda          TEXT NOT NULL,
    resolution      TEXT,
    minutes_summary TEXT,
    -- The charter document in force on `held_on`, whose rules judged the sheet.
    regulation      TEXT NOT NULL REFERENCES regulations (code),
    entered_by      BIGINT REFERENCES users (id),
    entered_at      TEXT NOT NULL
);
CREATE INDEX meetings_org_held_idx ON meetings (organization_id, held_on);

-- Every line of the sheet, the derived ones (exempt, elsewhere) included: a later correction of
-- an exemption does not rewrite a past meeting (rule 35).
CREATE TABLE meeting_attendance (
    meeting_id BIGINT NOT NULL REFERENCES meetings (id),
    member_id  BIGINT NOT NULL REFERENCES members (id),
    value      TEXT NOT NULL CHECK (value IN ('present', 'excused', 'absent', 'exempt', 'elsewhere')),
    reason     TEXT,
    PRIMARY KEY (meeting_id, member_id),
    CHECK (value <> 'excused' OR reason IS NOT NULL)
);
-- Rule 36 reads a member's absences of a year.
CREATE INDEX meeting_attendance_member_idx ON meeting_attendance (member_id);

-- Rule 38: a duty assigned to a member, reviewed at a meeting or closed by a transfer or exit.
CREATE TABLE duties (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id           BIGINT NOT NULL REFERENCES members (id),
    organization_id     BIGINT NOT NULL REFERENCES organizations (id),
    description         TEXT NOT NULL,
    assigned_on         TEXT NOT NULL,
    assigned_meeting_id BIGINT REFERENCES meetings (id),
    due_by              TEXT,
    reviewed_on         TEXT,
    review_meeting_id   BIGINT REFERENCES meetings (id),
    result              TEXT CHECK (result IN ('done', 'exceeded', 'not_done')),
    closed_on           TEXT,
    closure             TEXT CHECK (closure IN ('transfer', 'exit', 'withdrawn')),
    entered_by          BIGINT REFERENCES users (id),
    entered_at          TEXT NOT NULL,
    CHECK (result IS NULL OR closed_on IS NULL),
    CHECK ((result IS NULL) = (reviewed_on IS NULL)),
    CHECK ((closed_on IS NULL) = (closure IS NULL))
);
CREATE INDEX duties_open_member_idx ON duties (member_id) WHERE result IS NULL AND closed_on IS NULL;
CREATE INDEX duties_member_idx ON duties (member_id, assigned_on);
CREATE INDEX duties_org_idx ON duties (organization_id, assigned_on);
