-- Rule 5 / 117-QĐ/TW: a wrongful discipline annulled on this date no longer counts (never in
-- force, no wait before a badge).
ALTER TABLE disciplines ADD COLUMN annulled_on DATE;
