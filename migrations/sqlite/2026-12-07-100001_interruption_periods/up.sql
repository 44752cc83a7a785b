-- Rule 5: a member's closed interruptions of party age as dated periods (ISO-8601 `from/to`
-- intervals, comma separated, oldest first), derived from the events like the rest of the row.
-- Rows whose interruptions were cached only as a number of days are re-derived at start-up
-- (they are marked with NULL until then).
ALTER TABLE members ADD COLUMN interruptions TEXT;
UPDATE members SET interruptions = '' WHERE interruption_days = 0;
