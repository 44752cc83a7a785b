-- Name search at national scale: one row per word of each member's folded name (no diacritics,
-- lower case). A search starts from its rarest word's range in this index instead of walking
-- every member in name order. Kept up to date by the server on every insert and name change.
CREATE TABLE member_name_words (
    word       TEXT COLLATE "C" NOT NULL,
    member_id  BIGINT NOT NULL,
    PRIMARY KEY (word, member_id)
);
CREATE INDEX member_name_words_member_idx ON member_name_words (member_id);
INSERT INTO member_name_words (word, member_id)
SELECT DISTINCT w, id FROM members, unnest(string_to_array(name_folded, ' ')) AS w
WHERE w <> '';
