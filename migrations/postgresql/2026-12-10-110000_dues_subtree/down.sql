DROP INDEX dues_cell_months_path_idx;
CREATE INDEX dues_cell_months_path_idx ON dues_cell_months (month, org_path);
DROP TABLE dues_subtree_months;
