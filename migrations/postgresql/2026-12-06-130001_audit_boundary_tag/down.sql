ALTER TABLE audit_chain DROP COLUMN boundary_tag;
