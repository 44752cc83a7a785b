ALTER TABLE audit_chain DROP COLUMN legacy_unchained;
ALTER TABLE audit_chain DROP COLUMN keyed_from;
