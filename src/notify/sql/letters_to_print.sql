-- Letters not yet exported for printing, oldest first.
SELECT id, account_id, kind, recipient, address, language, body, created_at
FROM letters WHERE exported_at IS NULL ORDER BY id LIMIT :limit
