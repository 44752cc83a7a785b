DROP INDEX members_next_badge_idx;
CREATE INDEX members_next_badge_idx ON members (next_badge_on);
