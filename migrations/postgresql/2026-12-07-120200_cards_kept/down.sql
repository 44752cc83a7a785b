UPDATE cards SET status = 'collected' WHERE status = 'kept';
ALTER TABLE cards DROP CONSTRAINT cards_status_check;
ALTER TABLE cards ADD CONSTRAINT cards_status_check
    CHECK (status IN ('active', 'void', 'revoked', 'collected'));
