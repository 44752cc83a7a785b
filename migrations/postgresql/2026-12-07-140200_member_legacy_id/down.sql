DROP INDEX members_legacy_id_idx;
ALTER TABLE members DROP COLUMN legacy_id_no;
