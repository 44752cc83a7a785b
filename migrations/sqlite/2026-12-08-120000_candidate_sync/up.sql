-- Candidates in the change feed and the sync packages (issue 22): the file is a record of its
-- own there, with a version (bumped by every candidate write) and the time of its last change,
-- as a receiver compares them; a helper row names its candidate, so the file's rows are all
-- found by the candidate's id.
ALTER TABLE candidate_files ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE candidate_files ADD COLUMN updated_at TEXT;
ALTER TABLE candidate_helpers ADD COLUMN member_id BIGINT REFERENCES members (id);
UPDATE candidate_helpers
SET member_id = (SELECT s.member_id FROM candidate_steps s WHERE s.id = candidate_helpers.step_id);
CREATE INDEX candidate_helpers_member_idx ON candidate_helpers (member_id);
