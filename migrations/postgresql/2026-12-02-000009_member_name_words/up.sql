-- Name search at national scale: one row per word of each member's folded name (no diacritics,
-- lower case), with the member's name-order key. A search starts from its rarest word: it walks
-- that word's entries already in name order, or collects and sorts them when they are few,
-- instead of walking every member. Kept up to date by the server on every insert and name change.
CREATE TABLE member_name_words (
    word           TEXT COLLATE "C" NOT NULL,
    name_sort_key  TEXT COLLATE "C" NOT NULL,
    member_id      BIGINT NOT NULL,
    PRIMARY KEY (word, name_sort_key, member_id)
);
CREATE INDEX member_name_words_member_idx ON member_name_words (member_id, word);
INSERT INTO member_name_words (word, name_sort_key, member_id)
SELECT DISTINCT w, name_sort_key, id FROM members, unnest(string_to_array(name_folded, ' ')) AS w
WHERE w <> '';
-- How many names carry each word: the search's planner statistics (refreshed at start-up and
-- after bulk loads; a stale count only makes a search slower, never wrong).
CREATE TABLE member_word_stats (
    word  TEXT COLLATE "C" PRIMARY KEY NOT NULL,
    n     BIGINT NOT NULL
);
INSERT INTO member_word_stats (word, n) SELECT word, COUNT(*) FROM member_name_words GROUP BY word;
