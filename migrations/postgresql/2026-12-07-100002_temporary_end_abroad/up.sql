-- Rule 8: a temporary registration ends (the member's return recorded, or an official transfer
-- in its place) on `ended_on`; a temporary transfer abroad (purpose `abroad`).
ALTER TABLE transfers ADD COLUMN ended_on DATE;
ALTER TABLE transfers DROP CONSTRAINT transfers_purpose_check;
ALTER TABLE transfers ADD CONSTRAINT transfers_purpose_check
    CHECK (purpose IN ('work', 'residence', 'study', 'abroad'));
-- A temporary registration already replaced by an official move has ended.
UPDATE transfers SET ended_on = (
    SELECT MIN(t2.received_on) FROM transfers t2
    WHERE t2.member_id = transfers.member_id AND t2.kind = 'official'
      AND t2.status IN ('accepted', 'completed') AND t2.received_on >= transfers.received_on)
WHERE kind = 'temporary' AND status = 'accepted';
