DROP INDEX changes_record_idx;
