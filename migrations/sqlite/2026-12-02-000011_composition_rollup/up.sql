-- Composition counts kept ahead of time for the top two levels of the tree (the roots and the
-- organisations directly under them: the Central Committee and the provinces), so that today's
-- composition report of a province or of the country reads a few thousand counts instead of
-- every member. Each count is the number of active members under the organisation with one
-- value of one attribute; birth dates and dates of recognition are counted by day, so the
-- report's day still decides age bands and standing. Writers never update a count: they append
-- the member's facts before (sign -1) and after (sign +1) a change to `composition_deltas`,
-- which the server folds into the counts now and then. The counts are built from the members
-- by the server when `composition_state.stale` is set (at the first start after this migration).
CREATE TABLE composition_counts (
    org_id  BIGINT NOT NULL,
    dim     TEXT NOT NULL,
    val     TEXT NOT NULL,
    n       BIGINT NOT NULL,
    PRIMARY KEY (org_id, dim, val)
);
CREATE TABLE composition_deltas (
    id                          INTEGER PRIMARY KEY AUTOINCREMENT,
    org_id                      BIGINT NOT NULL,
    sign                        INTEGER NOT NULL,
    gender                      TEXT,
    ethnicity                   TEXT,
    religion                    TEXT,
    education_general           TEXT,
    professional_qualification  TEXT,
    academic_degree             TEXT,
    academic_title              TEXT,
    political_theory            TEXT,
    occupation                  TEXT,
    birth_date                  DATE NOT NULL,
    official_on                 DATE
);
CREATE INDEX composition_deltas_org_idx ON composition_deltas (org_id);
CREATE TABLE composition_state (
    id     INTEGER PRIMARY KEY NOT NULL,
    stale  INTEGER NOT NULL
);
INSERT INTO composition_state (id, stale) VALUES (1, 1);
