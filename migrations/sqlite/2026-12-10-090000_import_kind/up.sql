-- Issue 23: the imports of a cell's year join the members' and candidates' in `GET /imports`;
-- each job says what its file brought in. Jobs recorded before were all members' or
-- candidates' imports, indistinguishable then: they read as the members'.
ALTER TABLE imports ADD COLUMN kind TEXT NOT NULL DEFAULT 'members'
    CHECK (kind IN ('members', 'candidates', 'meetings', 'dues'));
