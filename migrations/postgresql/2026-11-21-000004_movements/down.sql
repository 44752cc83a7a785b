DELETE FROM rule_settings WHERE key LIKE 'transfer.%' OR key LIKE 'absence.%'
    OR key LIKE 'discipline.%' OR key LIKE 'readmission.%';
DROP TABLE organization_links;
DROP TABLE disciplines;
DROP TABLE member_periods;
DROP TABLE transfers;
