-- The chain's boundaries (legacy_until, legacy_unchained, keyed_from) bound to the audit key: an
-- HMAC of them written once, by the server that applies this migration (it holds the key), and
-- checked by every verification. Without it a database writer could move keyed_from past the
-- head and recompute every link unkeyed. Never written again at run time.
ALTER TABLE audit_chain ADD COLUMN boundary_tag TEXT;
