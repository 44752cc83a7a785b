-- The dues report's kept subtree sums (issue 23, docs/benchmarks.md row 9): for every path a
-- cell-month's path (as it was that month) starts with, the cell's own path included, and every
-- month, the sums of those cell-months. Kept by differences in the transaction that rewrites
-- dues_cell_months (models::dues::months, domain::cell_year::subtree); a row exists exactly
-- when some cell-month lies under its path that month (cell_months > 0). A report of a subtree
-- reads its children's rows (parent_path) and its own row (org_path), never every cell-month.
CREATE TABLE dues_subtree_months (
    org_path        TEXT NOT NULL,
    parent_path     TEXT NOT NULL,
    month           INTEGER NOT NULL,
    cell_months     BIGINT NOT NULL,
    members         BIGINT NOT NULL,
    due             BIGINT NOT NULL,
    paid            BIGINT NOT NULL,
    deferred        BIGINT NOT NULL,
    arrears         BIGINT NOT NULL,
    extra           BIGINT NOT NULL,
    unpaid_members  BIGINT NOT NULL,
    PRIMARY KEY (org_path, month),
    CHECK (due = paid + deferred + arrears)
);
CREATE INDEX dues_subtree_months_parent_idx ON dues_subtree_months (parent_path, month);

-- The report now reads a subtree's own cell-months by path (the month follows).
DROP INDEX dues_cell_months_path_idx;
CREATE INDEX dues_cell_months_path_idx ON dues_cell_months (org_path, month);

-- The rows of the cell-months already written: each path and its ancestors (paths are ids,
-- '/1/17/342/': the parent is the path without its last segment of digits).
WITH RECURSIVE up (org_path, month, members, due, paid, deferred, arrears, extra, unpaid_members) AS (
    SELECT org_path, month, members, due, paid, deferred, arrears, extra, unpaid_members
    FROM dues_cell_months
    UNION ALL
    SELECT rtrim(rtrim(org_path, '/'), '0123456789'), month, members, due, paid, deferred,
           arrears, extra, unpaid_members
    FROM up
    WHERE length(rtrim(rtrim(org_path, '/'), '0123456789')) BETWEEN 2 AND length(org_path) - 2
)
INSERT INTO dues_subtree_months (org_path, parent_path, month, cell_months, members, due, paid,
                                 deferred, arrears, extra, unpaid_members)
SELECT org_path, rtrim(rtrim(org_path, '/'), '0123456789'), month, COUNT(*), SUM(members),
       SUM(due), SUM(paid), SUM(deferred), SUM(arrears), SUM(extra), SUM(unpaid_members)
FROM up GROUP BY org_path, month;
