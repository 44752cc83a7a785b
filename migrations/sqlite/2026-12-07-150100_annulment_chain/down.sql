UPDATE member_events SET regulation = COALESCE(
    (SELECT c.regulation FROM regulation_chains c WHERE c.chain = 'charter'
        AND c.in_force_from <= member_events.occurred_on ORDER BY c.in_force_from DESC LIMIT 1),
    '29-QĐ/TW')
    WHERE kind IN ('exit_annulled', 'discipline_annulled');
DELETE FROM regulation_chains WHERE chain = 'annulment';
DELETE FROM regulations WHERE code = '117-QĐ/TW'
    AND NOT EXISTS (SELECT 1 FROM member_events e WHERE e.regulation = '117-QĐ/TW');
CREATE TABLE regulation_chains_old (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    chain         TEXT NOT NULL CHECK (chain IN ('charter', 'badge', 'evaluation', 'discipline', 'dues')),
    regulation    TEXT NOT NULL REFERENCES regulations (code),
    in_force_from TEXT NOT NULL,
    created_by    BIGINT,
    created_at    TEXT NOT NULL,
    UNIQUE (chain, regulation),
    UNIQUE (chain, in_force_from)
);
INSERT INTO regulation_chains_old (id, chain, regulation, in_force_from, created_by, created_at)
    SELECT id, chain, regulation, in_force_from, created_by, created_at FROM regulation_chains;
DROP TABLE regulation_chains;
ALTER TABLE regulation_chains_old RENAME TO regulation_chains;
