DELETE FROM rule_settings WHERE key = 'badge.posthumous_early_months';
UPDATE rule_settings SET value = '6' WHERE regulation = '29-QĐ/TW' AND key = 'badge.wait_months_reprimand';
UPDATE rule_settings SET value = '9' WHERE regulation = '29-QĐ/TW' AND key = 'badge.wait_months_warning';
UPDATE rule_settings SET value = '12' WHERE regulation = '29-QĐ/TW' AND key = 'badge.wait_months_dismissal';
DROP TABLE discipline_remedies;
DROP TABLE badge_occasions;
