-- A login's claims not yet linked (newest first per account), with the street they name.
SELECT c.id, c.account_id, c.proof, COALESCE(c.expires_at, '') AS expires_at,
       TRIM(COALESCE(o.line1, '') || ' ' || COALESCE(o.line2, '')) AS street,
       COALESCE(c.code_hash, '') AS code_hash, c.wrong_codes
FROM account_claims c
JOIN account_overview o ON o.id = c.account_id
WHERE c.user_id = :user_id AND c.linked_at IS NULL
ORDER BY c.id DESC
