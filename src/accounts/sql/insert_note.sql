INSERT INTO account_notes (account_id, kind, body, pinned, written_by, written_at)
VALUES (:account_id, :kind, :body, :pinned, :written_by, :written_at)
RETURNING id
