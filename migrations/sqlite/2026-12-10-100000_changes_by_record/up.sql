-- The cell's year in the change feed (issue 23): meetings, duties, liaisons and dues records
-- have no version column, so the feed numbers each record's changes from its previous change
-- (and publishes a deleted payment with its last body). This finds that change.
CREATE INDEX changes_record_idx ON changes (entity, entity_id, seq);
