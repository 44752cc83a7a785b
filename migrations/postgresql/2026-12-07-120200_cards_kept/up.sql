-- Rule 12: the card of a deceased member is kept by the family: recorded as kept, not active.
ALTER TABLE cards DROP CONSTRAINT cards_status_check;
ALTER TABLE cards ADD CONSTRAINT cards_status_check
    CHECK (status IN ('active', 'void', 'revoked', 'collected', 'kept'));
-- Cards of members who died before this migration were left active.
UPDATE cards SET status = 'kept', ended_on = m.interrupted_since, end_reason = 'deceased', version = cards.version + 1
FROM members m
WHERE cards.member_id = m.id AND cards.status = 'active' AND m.exit_reason = 'deceased';
