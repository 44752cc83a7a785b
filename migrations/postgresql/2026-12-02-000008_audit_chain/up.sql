-- A tamper-evident audit trail: when a write transaction commits, its audit entries are chained
-- in commit order. Each entry's `chain_hash` is SHA-256 of the previous entry's hash and the
-- entry's own fields, and `audit_chain` holds the head (the last sequence number and hash), taken
-- with `UPDATE ... RETURNING` so concurrent writers chain one after another. `qldv audit verify`
-- recomputes the chain: an edited entry breaks its hash, a removed one leaves a gap, a removed
-- tail no longer reaches the head.
ALTER TABLE audit_log ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_log ADD COLUMN chain_hash TEXT;
CREATE UNIQUE INDEX audit_log_chain_idx ON audit_log (chain_seq);
-- Entries written before this migration are chained when the server next starts.
CREATE INDEX audit_log_unchained_idx ON audit_log (id) WHERE chain_seq IS NULL;
CREATE TABLE audit_chain (
    id    INTEGER PRIMARY KEY NOT NULL,
    seq   BIGINT NOT NULL,
    hash  TEXT NOT NULL,
    -- Entries up to this id predate the chain; the server chains them once, at its next start.
    -- Any other unchained entry was written around the server and `qldv audit verify` reports it.
    legacy_until BIGINT NOT NULL
);
INSERT INTO audit_chain (id, seq, hash, legacy_until)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000',
        (SELECT COALESCE(MAX(id), 0) FROM audit_log));
