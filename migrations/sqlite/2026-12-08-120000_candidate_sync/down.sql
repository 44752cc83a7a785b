DROP INDEX candidate_helpers_member_idx;
ALTER TABLE candidate_helpers DROP COLUMN member_id;
ALTER TABLE candidate_files DROP COLUMN updated_at;
ALTER TABLE candidate_files DROP COLUMN version;
