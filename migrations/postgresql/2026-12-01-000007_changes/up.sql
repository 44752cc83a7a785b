-- The change feed: one row per change to a member, organisation, transfer, evaluation, card,
-- badge or badge proposal, written in the same transaction as the change. `seq` comes from the
-- `changes` counter, whose row each writing transaction holds from its first change until it
-- commits, so sequence order is commit order: a reader never sees seq n+1 before seq n.
CREATE TABLE changes (
    seq         BIGINT PRIMARY KEY NOT NULL,
    at          TIMESTAMP NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   BIGINT NOT NULL,
    operation   TEXT NOT NULL,
    version     BIGINT NOT NULL,
    -- The organisation paths the change belongs to (a transfer belongs to both sides).
    scope_path  TEXT NOT NULL,
    other_path  TEXT,
    -- The resource as the API returned it after the change (JSON).
    resource    TEXT NOT NULL
);
CREATE INDEX changes_scope_idx ON changes (scope_path, seq);
CREATE INDEX changes_other_scope_idx ON changes (other_path, seq);
INSERT INTO counters (name, value) VALUES ('changes', 0);

-- Sync packages applied here, by the digest of their signed content: a package is applied once.
CREATE TABLE sync_packages (
    digest        TEXT PRIMARY KEY NOT NULL,
    sender_key    TEXT NOT NULL,
    organization_id BIGINT NOT NULL,
    from_seq      BIGINT NOT NULL,
    to_seq        BIGINT NOT NULL,
    applied_count BIGINT NOT NULL,
    conflict_count BIGINT NOT NULL,
    report        TEXT NOT NULL,
    applied_at    TIMESTAMP NOT NULL
);

-- The other installations whose packages this one accepts: their Ed25519 public keys.
CREATE TABLE sync_trusted_keys (
    public_key  TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    added_at    TIMESTAMP NOT NULL
);
