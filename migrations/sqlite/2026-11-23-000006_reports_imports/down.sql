DROP TABLE imports;
DROP INDEX memberships_org_span_idx;
DROP INDEX organization_links_parent_idx;
ALTER TABLE memberships DROP COLUMN end_reason;
ALTER TABLE memberships DROP COLUMN start_reason;
