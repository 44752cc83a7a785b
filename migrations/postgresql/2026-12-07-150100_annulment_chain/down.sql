UPDATE member_events SET regulation = COALESCE(
    (SELECT c.regulation FROM regulation_chains c WHERE c.chain = 'charter'
        AND c.in_force_from <= member_events.occurred_on ORDER BY c.in_force_from DESC LIMIT 1),
    '29-QĐ/TW')
    WHERE kind IN ('exit_annulled', 'discipline_annulled');
DELETE FROM regulation_chains WHERE chain = 'annulment';
DELETE FROM regulations WHERE code = '117-QĐ/TW'
    AND NOT EXISTS (SELECT 1 FROM member_events e WHERE e.regulation = '117-QĐ/TW');
ALTER TABLE regulation_chains DROP CONSTRAINT regulation_chains_chain_check;
ALTER TABLE regulation_chains ADD CONSTRAINT regulation_chains_chain_check
    CHECK (chain IN ('charter', 'badge', 'evaluation', 'discipline', 'dues'));
