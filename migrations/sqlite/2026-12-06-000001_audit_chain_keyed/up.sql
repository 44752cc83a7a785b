-- The audit chain becomes keyed: from `keyed_from` on, each entry's `chain_hash` is an
-- HMAC-SHA256 under a key kept outside the database (QLDV_AUDIT_KEY_FILE), so that a database
-- writer without the key cannot recompute a consistent chain. Entries chained before this
-- migration (places below `keyed_from`) keep their unkeyed SHA-256 and are checked that way.
-- Both boundaries are fixed here, once, and nothing at run time moves them: every keyed entry's
-- HMAC covers `legacy_until`, `legacy_unchained` and `keyed_from`, so changing any of them in the
-- database breaks the chain. `legacy_unchained` counts the entries from before the chain that
-- were never chained (the server no longer chains them at start): a different count later means
-- an entry was slipped in among them.
ALTER TABLE audit_chain ADD COLUMN keyed_from BIGINT NOT NULL DEFAULT 1;
ALTER TABLE audit_chain ADD COLUMN legacy_unchained BIGINT NOT NULL DEFAULT 0;
UPDATE audit_chain SET
    keyed_from = seq + 1,
    legacy_unchained = (SELECT COUNT(*) FROM audit_log
                        WHERE chain_seq IS NULL AND audit_log.id <= audit_chain.legacy_until);
