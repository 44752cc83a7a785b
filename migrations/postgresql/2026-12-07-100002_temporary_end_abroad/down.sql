UPDATE transfers SET purpose = 'work' WHERE purpose = 'abroad';
ALTER TABLE transfers DROP CONSTRAINT transfers_purpose_check;
ALTER TABLE transfers ADD CONSTRAINT transfers_purpose_check
    CHECK (purpose IN ('work', 'residence', 'study'));
ALTER TABLE transfers DROP COLUMN ended_on;
