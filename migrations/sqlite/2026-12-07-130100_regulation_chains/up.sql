-- The regulation chains (DOMAIN.md "Where the rules come from"): the charter implementing
-- regulation, the badge rules, evaluation, discipline and dues, each with its own documents and
-- dates of force. A document may stand in several chains (the charter regulation carries the badge
-- rules too); its parameters are stored once per document, each key read only by its own chain.
-- Every decision stored is re-judged by the document of its own chain in force on its date.

ALTER TABLE regulations ADD COLUMN signed_on TEXT;
ALTER TABLE regulations ADD COLUMN guide TEXT;

-- 294-QĐ/TW was signed on 26 May 2025 and is in force from 1 July 2025.
UPDATE regulations SET signed_on = '2025-05-26', effective_from = '2025-07-01',
    title = 'Quy định 294-QĐ/TW ngày 26/5/2025 về thi hành Điều lệ Đảng (hiệu lực từ 01/7/2025)',
    guide = 'HD 06-HD/TW ngày 09/6/2025 của Ban Bí thư'
    WHERE code = '294-QĐ/TW';
UPDATE regulations SET signed_on = effective_from WHERE code IN ('29-QĐ/TW', '24-QĐ/TW');
UPDATE regulations SET guide = 'HD 01-HD/TW ngày 28/9/2021 của Ban Bí thư' WHERE code = '24-QĐ/TW';

INSERT INTO regulations (code, title, effective_from, signed_on, guide) VALUES
    ('232-QĐ/TW', 'Quy định 232-QĐ/TW ngày 20/01/2025 về thi hành Điều lệ Đảng', '2025-01-20', '2025-01-20',
        'HD 01-HD/TW ngày 28/9/2021 của Ban Bí thư'),
    ('132-QĐ/TW', 'Quy định 132-QĐ/TW ngày 08/3/2018 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị',
        '2018-03-08', '2018-03-08', 'HD 21-HD/BTCTW ngày 18/10/2019 của Ban Tổ chức Trung ương'),
    ('124-QĐ/TW', 'Quy định 124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị',
        '2023-10-04', '2023-10-04', NULL),
    ('366-QĐ/TW', 'Quy định 366-QĐ/TW ngày 30/8/2025 của Bộ Chính trị về kiểm điểm và đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị',
        '2025-08-30', '2025-08-30', NULL),
    ('69-QĐ/TW', 'Quy định 69-QĐ/TW ngày 06/7/2022 của Bộ Chính trị về kỷ luật tổ chức đảng, đảng viên vi phạm',
        '2022-07-06', '2022-07-06', NULL),
    ('342-QĐ/TW', 'Quy định 342-QĐ/TW ngày 28/12/2010 của Bộ Chính trị về chế độ đảng phí',
        '2010-12-28', '2010-12-28', NULL),
    ('01-QĐ/TW', 'Quy định 01-QĐ/TW ngày 03/02/2026 về chế độ đảng phí',
        '2026-02-03', '2026-02-03', NULL)
    ON CONFLICT DO NOTHING;

CREATE TABLE regulation_chains (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    chain         TEXT NOT NULL CHECK (chain IN ('charter', 'badge', 'evaluation', 'discipline', 'dues')),
    regulation    TEXT NOT NULL REFERENCES regulations (code),
    in_force_from TEXT NOT NULL,
    created_by    BIGINT,
    created_at    TEXT NOT NULL,
    UNIQUE (chain, regulation),
    UNIQUE (chain, in_force_from)
);

INSERT INTO regulation_chains (chain, regulation, in_force_from, created_at)
SELECT c.chain, r.code, r.effective_from, CURRENT_TIMESTAMP
FROM regulations r
JOIN (
    SELECT 'charter' AS chain, '29-QĐ/TW' AS code
    UNION ALL SELECT 'charter', '24-QĐ/TW'
    UNION ALL SELECT 'charter', '232-QĐ/TW'
    UNION ALL SELECT 'charter', '294-QĐ/TW'
    UNION ALL SELECT 'badge', '29-QĐ/TW'
    UNION ALL SELECT 'badge', '24-QĐ/TW'
    UNION ALL SELECT 'badge', '232-QĐ/TW'
    UNION ALL SELECT 'badge', '294-QĐ/TW'
    UNION ALL SELECT 'evaluation', '132-QĐ/TW'
    UNION ALL SELECT 'evaluation', '124-QĐ/TW'
    UNION ALL SELECT 'evaluation', '366-QĐ/TW'
    UNION ALL SELECT 'discipline', '69-QĐ/TW'
    UNION ALL SELECT 'dues', '342-QĐ/TW'
    UNION ALL SELECT 'dues', '01-QĐ/TW'
) AS c ON c.code = r.code;

-- Settings are versioned: each value counts its changes, and the installation its settings
-- version (carried in sync packages).
ALTER TABLE rule_settings ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE rule_settings ADD COLUMN updated_by BIGINT;
ALTER TABLE rule_settings ADD COLUMN updated_at TEXT;
INSERT INTO counters (name, value) VALUES ('settings_version', 1) ON CONFLICT DO NOTHING;

-- 232-QĐ/TW carries on 24-QĐ/TW's parameters (charter and badge).
INSERT INTO rule_settings (regulation, key, value)
SELECT '232-QĐ/TW', key, value FROM rule_settings
WHERE regulation = '24-QĐ/TW' AND key NOT LIKE 'evaluation.%' AND key NOT LIKE 'discipline.%'
ON CONFLICT DO NOTHING;

-- Evaluation parameters belong to the evaluation documents; the 100-point score to 366-QĐ/TW.
INSERT INTO rule_settings (regulation, key, value)
SELECT r.code, s.key, s.value
FROM regulations r
CROSS JOIN (
    SELECT 'evaluation.excellent_quota_percent' AS key, '20' AS value
    UNION ALL SELECT 'evaluation.quota_base', 'good'
    UNION ALL SELECT 'evaluation.recently_admitted_months', '6'
    UNION ALL SELECT 'evaluation.illness_cap_months', '3'
) AS s
WHERE r.code IN ('132-QĐ/TW', '124-QĐ/TW', '366-QĐ/TW')
ON CONFLICT DO NOTHING;
INSERT INTO rule_settings (regulation, key, value)
    VALUES ('366-QĐ/TW', 'evaluation.score_bands', '90,70,50') ON CONFLICT DO NOTHING;
-- Rule 15: a discipline of the year self-remedied escapes "not complete" from 124-QĐ/TW on;
-- 132-QĐ/TW knew no such exception for an individual.
INSERT INTO rule_settings (regulation, key, value) VALUES
    ('132-QĐ/TW', 'evaluation.discipline_self_remedy_exempts', '0'),
    ('124-QĐ/TW', 'evaluation.discipline_self_remedy_exempts', '1'),
    ('366-QĐ/TW', 'evaluation.discipline_self_remedy_exempts', '1')
    ON CONFLICT DO NOTHING;
INSERT INTO rule_settings (regulation, key, value)
    VALUES ('69-QĐ/TW', 'discipline.lapse_months', '12') ON CONFLICT DO NOTHING;
-- Keys of another chain under a charter document are never read: remove them.
DELETE FROM rule_settings
WHERE regulation IN ('29-QĐ/TW', '24-QĐ/TW', '232-QĐ/TW', '294-QĐ/TW')
  AND (key LIKE 'evaluation.%' OR key LIKE 'discipline.%' OR key LIKE 'dues.%');
-- Data-entry timeliness: days after the event within which it is entered on time.
INSERT INTO rule_settings (regulation, key, value)
SELECT code, 'records.entry_deadline_days', '30' FROM regulations
WHERE code IN ('29-QĐ/TW', '24-QĐ/TW', '232-QĐ/TW', '294-QĐ/TW')
ON CONFLICT DO NOTHING;

-- Re-judge every stored decision by the document of its own chain in force on its date.
UPDATE evaluations SET regulation = COALESCE(
    (SELECT c.regulation FROM regulation_chains c WHERE c.chain = 'evaluation'
        AND c.in_force_from <= printf('%04d-12-31', evaluations.year)
        ORDER BY c.in_force_from DESC LIMIT 1),
    '132-QĐ/TW');
UPDATE evaluation_rounds SET regulation = COALESCE(
    (SELECT c.regulation FROM regulation_chains c WHERE c.chain = 'evaluation'
        AND c.in_force_from <= printf('%04d-12-31', evaluation_rounds.year)
        ORDER BY c.in_force_from DESC LIMIT 1),
    '132-QĐ/TW');
UPDATE disciplines SET regulation = '69-QĐ/TW';
UPDATE member_events SET regulation = '69-QĐ/TW' WHERE kind IN ('disciplined', 'discipline_held');
UPDATE member_events SET regulation = COALESCE(
    (SELECT c.regulation FROM regulation_chains c WHERE c.chain = 'charter'
        AND c.in_force_from <= member_events.occurred_on ORDER BY c.in_force_from DESC LIMIT 1),
    '29-QĐ/TW')
WHERE kind NOT IN ('disciplined', 'discipline_held');
UPDATE transfers SET regulation = COALESCE(
    (SELECT c.regulation FROM regulation_chains c WHERE c.chain = 'charter'
        AND c.in_force_from <= transfers.issued_on ORDER BY c.in_force_from DESC LIMIT 1),
    '29-QĐ/TW');
UPDATE cards SET regulation = COALESCE(
    (SELECT c.regulation FROM regulation_chains c WHERE c.chain = 'charter'
        AND c.in_force_from <= cards.issued_on ORDER BY c.in_force_from DESC LIMIT 1),
    '29-QĐ/TW');
UPDATE badges SET regulation = COALESCE(
    (SELECT c.regulation FROM regulation_chains c WHERE c.chain = 'badge'
        AND c.in_force_from <= badges.occasion_on ORDER BY c.in_force_from DESC LIMIT 1),
    '29-QĐ/TW');

-- Rules 14-15: a level below the score's band with its reason, a discipline of the year
-- self-remedied, maternity leave (rated on the time worked).
ALTER TABLE evaluations ADD COLUMN level_reason TEXT;
ALTER TABLE evaluations ADD COLUMN self_remedied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE evaluations ADD COLUMN maternity_from TEXT;
ALTER TABLE evaluations ADD COLUMN maternity_to TEXT;

-- Data-entry timeliness: events by the day they happened (period reports, late-entry alerts).
CREATE INDEX member_events_kind_occurred_idx ON member_events (kind, occurred_on);
