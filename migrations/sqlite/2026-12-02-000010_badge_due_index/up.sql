-- Badge rounds read the members due a badge by a date inside a subtree: the due date's range
-- with the subtree's path and the id in the index, so the candidates come from the index alone
-- (never a walk of every member in name order).
DROP INDEX members_next_badge_idx;
CREATE INDEX members_next_badge_idx ON members (next_badge_on, org_path, id);
