-- 117-QĐ/TW of 18 Aug 2023 (Bộ Chính trị), on apologising to and restoring the rights of party
-- organisations and members disciplined wrongfully, in force from its signing: the document under
-- which a wrongful exit or discipline is annulled. It is no successor of a charter, discipline or
-- other document, so it is a chain of its own ('annulment'), and annulment events record it.
ALTER TABLE regulation_chains DROP CONSTRAINT regulation_chains_chain_check;
ALTER TABLE regulation_chains ADD CONSTRAINT regulation_chains_chain_check
    CHECK (chain IN ('charter', 'badge', 'evaluation', 'discipline', 'dues', 'annulment'));

INSERT INTO regulations (code, title, effective_from, signed_on, guide) VALUES
    ('117-QĐ/TW', 'Quy định 117-QĐ/TW ngày 18/8/2023 của Bộ Chính trị về xin lỗi và phục hồi quyền lợi của tổ chức đảng, đảng viên bị kỷ luật oan',
        '2023-08-18', '2023-08-18', NULL)
    ON CONFLICT DO NOTHING;
INSERT INTO regulation_chains (chain, regulation, in_force_from, created_at)
    SELECT 'annulment', code, effective_from, LOCALTIMESTAMP FROM regulations WHERE code = '117-QĐ/TW'
    ON CONFLICT DO NOTHING;

-- Annulments already recorded were judged by the charter regulation of their date.
UPDATE member_events SET regulation = '117-QĐ/TW'
    WHERE kind IN ('exit_annulled', 'discipline_annulled');
