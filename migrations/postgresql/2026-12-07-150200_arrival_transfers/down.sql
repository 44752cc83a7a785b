ALTER TABLE transfers DROP COLUMN from_external;
