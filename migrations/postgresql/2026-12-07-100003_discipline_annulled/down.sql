ALTER TABLE disciplines DROP COLUMN annulled_on;
