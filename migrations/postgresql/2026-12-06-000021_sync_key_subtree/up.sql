-- A trusted key speaks for one organisation subtree: its packages write only there. Keys trusted
-- before keep no organisation (NULL) and are refused until a national administrator trusts them
-- again with the organisation they speak for. No foreign key: a new installation trusts the key
-- of the organisation whose first package brings that organisation.
ALTER TABLE sync_trusted_keys ADD COLUMN organization_id BIGINT;
