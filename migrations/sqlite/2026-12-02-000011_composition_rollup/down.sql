DROP TABLE composition_state;
DROP TABLE composition_deltas;
DROP TABLE composition_counts;
