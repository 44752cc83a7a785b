DROP TABLE liaison_comments;
DROP TABLE residence_liaisons;
