-- The claim whose texted link carries the token with this digest.
SELECT c.id, c.user_id, c.account_id, COALESCE(c.expires_at, '') AS expires_at, c.linked_at,
       u.email AS login_email, a.number
FROM account_claims c
JOIN users u ON u.id = c.user_id
JOIN accounts a ON a.id = c.account_id
WHERE c.code_hash = :code_hash AND c.proof = 'contact_phone'
