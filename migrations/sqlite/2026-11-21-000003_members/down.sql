DROP TABLE member_supplements;
DROP TABLE memberships;
DROP TABLE member_events;
DROP TABLE members;
DROP TABLE rule_settings;
DROP TABLE regulations;
