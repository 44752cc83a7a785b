-- Rule 11: the 12 months of a discipline count from its announcement (default: the decision),
-- and a complaint's ruling may reduce or annul it.
ALTER TABLE disciplines ADD COLUMN announced_on TEXT;
UPDATE disciplines SET announced_on = decided_on;
ALTER TABLE disciplines ADD COLUMN current_form TEXT
    CHECK (current_form IN ('reprimand', 'warning', 'dismissal', 'expulsion'));
ALTER TABLE disciplines ADD COLUMN annulled_on TEXT;

-- Rule 9: inspections, complaints, denunciations and discipline reviews of a member, each open
-- until its settlement is recorded; while one is open the member gets no official transfer.
CREATE TABLE member_cases (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id       BIGINT NOT NULL REFERENCES members (id),
    kind            TEXT NOT NULL CHECK (kind IN ('inspection', 'complaint', 'denunciation', 'discipline_review')),
    opened_on       TEXT NOT NULL,
    discipline_id   BIGINT REFERENCES disciplines (id),
    reference_no    TEXT,
    summary         TEXT NOT NULL,
    settled_on      TEXT,
    announced_on    TEXT,
    decision_no     TEXT,
    ruling          TEXT CHECK (ruling IN ('upheld', 'reduced', 'annulled')),
    reduced_to      TEXT CHECK (reduced_to IN ('reprimand', 'warning', 'dismissal', 'expulsion')),
    outcome         TEXT,
    regulation      TEXT NOT NULL REFERENCES regulations (code),
    created_by      BIGINT,
    created_at      TEXT NOT NULL,
    settled_by      BIGINT,
    settled_at      TEXT,
    CHECK (discipline_id IS NULL OR kind = 'complaint'),
    CHECK (ruling IS NULL OR discipline_id IS NOT NULL)
);
CREATE INDEX member_cases_member_idx ON member_cases (member_id, opened_on);
CREATE INDEX member_cases_discipline_idx ON member_cases (discipline_id);

-- A complaint recorded before complaints were records of their own becomes one, still awaiting
-- its ruling.
INSERT INTO member_cases (member_id, kind, opened_on, discipline_id, summary, regulation, created_by, created_at)
SELECT member_id, 'complaint', complaint_on, id, 'Khiếu nại quyết định kỷ luật ' || decision_no, regulation, created_by, created_at
FROM disciplines WHERE complaint_on IS NOT NULL;
