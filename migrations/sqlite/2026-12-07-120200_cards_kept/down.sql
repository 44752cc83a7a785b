UPDATE cards SET status = 'collected' WHERE status = 'kept';
CREATE TABLE cards_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    member_id   BIGINT NOT NULL REFERENCES members (id),
    card_number TEXT NOT NULL UNIQUE,
    status      TEXT NOT NULL CHECK (status IN ('active', 'void', 'revoked', 'collected')),
    issued_on   TEXT NOT NULL,
    decision_no TEXT NOT NULL,
    -- The card this one replaces (reissue after loss or damage, or the 2025 exchange).
    replaces_id BIGINT REFERENCES cards_new (id),
    ended_on    TEXT,
    end_reason  TEXT,
    regulation  TEXT NOT NULL REFERENCES regulations (code),
    created_by  BIGINT,
    version     BIGINT NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
INSERT INTO cards_new (id, member_id, card_number, status, issued_on, decision_no, replaces_id,
                       ended_on, end_reason, regulation, created_by, version, created_at, updated_at)
SELECT id, member_id, card_number, status, issued_on, decision_no, replaces_id,
       ended_on, end_reason, regulation, created_by, version, created_at, updated_at
FROM cards ORDER BY id;
DROP TABLE cards;
ALTER TABLE cards_new RENAME TO cards;
CREATE UNIQUE INDEX cards_one_active_idx ON cards (member_id) WHERE status = 'active';
CREATE INDEX cards_member_idx ON cards (member_id, id);
