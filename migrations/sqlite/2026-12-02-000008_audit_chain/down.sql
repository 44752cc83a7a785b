DROP TABLE audit_chain;
DROP INDEX audit_log_unchained_idx;
DROP INDEX audit_log_chain_idx;
ALTER TABLE audit_log DROP COLUMN chain_hash;
ALTER TABLE audit_log DROP COLUMN chain_seq;
