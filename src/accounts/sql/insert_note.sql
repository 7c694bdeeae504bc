INSERT INTO account_notes (account_id, kind, body, pinned, written_by, written_at,
                           idempotency_key)
VALUES (:account_id, :kind, :body, :pinned, :written_by, :written_at,
        :idempotency_key)
RETURNING id
