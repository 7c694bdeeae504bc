SELECT id, account_id, kind, body, pinned, written_by, written_at
FROM account_notes
WHERE idempotency_key = :idempotency_key
