DELETE FROM rule_settings WHERE key LIKE 'dues.%' AND regulation IN ('342-QĐ/TW', '01-QĐ/TW');
DROP TABLE dues_cell_months;
DROP TABLE dues_months;
DROP TABLE dues_payments;
DROP TABLE dues_arrangements;
DROP TABLE dues_reliefs;
DROP TABLE dues_bases;
