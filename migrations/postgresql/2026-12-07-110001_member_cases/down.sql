DROP TABLE member_cases;
ALTER TABLE disciplines DROP COLUMN annulled_on;
ALTER TABLE disciplines DROP COLUMN current_form;
ALTER TABLE disciplines DROP COLUMN announced_on;
