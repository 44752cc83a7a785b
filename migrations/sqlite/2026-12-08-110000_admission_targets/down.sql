DROP TABLE admission_targets;
