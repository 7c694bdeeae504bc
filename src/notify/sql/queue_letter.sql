INSERT INTO letters (account_id, kind, recipient, address, language, body, created_at)
VALUES (:account_id, :kind, :recipient, :address, :language, :body, :created_at)
RETURNING id
