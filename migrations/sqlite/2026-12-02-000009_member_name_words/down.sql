DROP TABLE member_name_words;
