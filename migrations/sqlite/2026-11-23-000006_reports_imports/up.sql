-- Reports and imports: why each membership period began and ended (the movement report's
-- columns), the tree's history indexed by parent (subtrees as of a date), the members'
-- snapshot indexes, and bulk-import jobs.

ALTER TABLE memberships ADD COLUMN start_reason TEXT NOT NULL DEFAULT 'admitted'
    CHECK (start_reason IN ('admitted', 'transferred_in', 'readmitted', 'restructured'));
ALTER TABLE memberships ADD COLUMN end_reason TEXT
    CHECK (end_reason IN ('transferred_out', 'deceased', 'name_removed', 'expelled', 'resigned', 'restructured'));

-- Periods recorded before this migration: a later period began with a transfer; a closed period
-- ended with a transfer, or with the member's exit when it is the last one.
UPDATE memberships SET start_reason = 'transferred_in'
WHERE EXISTS (SELECT 1 FROM memberships p WHERE p.member_id = memberships.member_id AND p.id < memberships.id);
UPDATE memberships SET end_reason = 'transferred_out' WHERE to_on IS NOT NULL;
UPDATE memberships SET end_reason = (SELECT m.exit_reason FROM members m WHERE m.id = memberships.member_id)
WHERE to_on IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM memberships n WHERE n.member_id = memberships.member_id AND n.id > memberships.id)
  AND EXISTS (SELECT 1 FROM members m WHERE m.id = memberships.member_id AND m.status = 'exited'
              AND m.exit_reason IN ('deceased', 'name_removed', 'expelled', 'resigned'));

CREATE INDEX organization_links_parent_idx ON organization_links (parent_id, organization_id);
CREATE INDEX memberships_org_span_idx ON memberships (organization_id, from_on, to_on, member_id);

-- A bulk import of existing records: status and progress, the error report when it failed.
CREATE TABLE imports (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    organization_id BIGINT NOT NULL REFERENCES organizations (id),
    file_name       TEXT NOT NULL,
    file_sha256     TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'interrupted')),
    total_rows      BIGINT NOT NULL DEFAULT 0,
    processed_rows  BIGINT NOT NULL DEFAULT 0,
    created_count   BIGINT NOT NULL DEFAULT 0,
    unchanged_count BIGINT NOT NULL DEFAULT 0,
    error_count     BIGINT NOT NULL DEFAULT 0,
    -- The error report (JSON array of {row, column, value, message}) of a failed import.
    errors          TEXT,
    message         TEXT,
    created_by      BIGINT,
    created_by_name TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    finished_at     TEXT
);
CREATE INDEX imports_org_idx ON imports (organization_id, id);
