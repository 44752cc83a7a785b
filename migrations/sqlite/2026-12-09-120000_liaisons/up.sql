-- Issue 23, rule 39 (213-QĐ/TW): a member working at an agency is introduced to the party
-- organisation where they live (any province). That organisation reads only the liaison view
-- (name, address, phone, its own comments) and writes a comment every year before the
-- evaluation round, unless the liaison is on request (HD 33-HD/BTCTW §1.1).
CREATE TABLE residence_liaisons (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id        BIGINT NOT NULL REFERENCES members (id),
    residence_org_id BIGINT NOT NULL REFERENCES organizations (id),
    mode             TEXT NOT NULL CHECK (mode IN ('regular', 'on_request')),
    introduced_on    TEXT NOT NULL,
    ended_on         TEXT,
    introduction_no  TEXT,
    entered_by       BIGINT REFERENCES users (id),
    entered_at       TEXT NOT NULL,
    CHECK (ended_on IS NULL OR ended_on >= introduced_on)
);
CREATE INDEX residence_liaisons_residence_idx ON residence_liaisons (residence_org_id);
CREATE INDEX residence_liaisons_member_idx ON residence_liaisons (member_id);
-- At most one running liaison per member.
CREATE UNIQUE INDEX residence_liaisons_open_idx ON residence_liaisons (member_id) WHERE ended_on IS NULL;

-- The residence organisation's yearly comment on a liaison member: one per liaison and year.
CREATE TABLE liaison_comments (
    liaison_id BIGINT NOT NULL REFERENCES residence_liaisons (id),
    year       INTEGER NOT NULL,
    text       TEXT NOT NULL CHECK (length(text) > 0),
    written_by BIGINT REFERENCES users (id),
    written_at TEXT NOT NULL,
    PRIMARY KEY (liaison_id, year)
);
