DROP TABLE member_word_stats;
DROP TABLE member_name_words;
