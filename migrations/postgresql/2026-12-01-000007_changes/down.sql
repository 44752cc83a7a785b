DROP TABLE sync_trusted_keys;
DROP TABLE sync_packages;
DROP TABLE changes;
DELETE FROM counters WHERE name = 'changes';
