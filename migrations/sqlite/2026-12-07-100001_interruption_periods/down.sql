ALTER TABLE members DROP COLUMN interruptions;
