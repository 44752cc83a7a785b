ALTER TABLE sync_trusted_keys DROP COLUMN organization_id;
