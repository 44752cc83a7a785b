DELETE FROM rule_settings WHERE key LIKE 'candidate.%';
DROP TABLE candidate_categories;
DROP TABLE candidate_helpers;
DROP TABLE candidate_steps;
DROP TABLE candidate_files;
DELETE FROM member_name_words WHERE member_id IN (SELECT id FROM members WHERE status = 'candidate');
DELETE FROM members WHERE status = 'candidate';
ALTER TABLE members DROP CONSTRAINT members_admission_dates_check;
ALTER TABLE members ALTER COLUMN first_admission_decision_on SET NOT NULL;
ALTER TABLE members ALTER COLUMN admission_decision_on SET NOT NULL;
ALTER TABLE members ALTER COLUMN ceremony_on SET NOT NULL;
ALTER TABLE members DROP CONSTRAINT members_status_check;
ALTER TABLE members ADD CONSTRAINT members_status_check
    CHECK (status IN ('probationary', 'official', 'exited', 'transferred_out'));
