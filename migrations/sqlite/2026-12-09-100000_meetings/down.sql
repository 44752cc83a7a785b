DROP TABLE duties;
DROP TABLE meeting_attendance;
DROP TABLE meetings;
