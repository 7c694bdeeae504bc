INSERT INTO payment_methods (account_id, token, method, label, is_default, created_at, owner)
VALUES (:account, :token, :method, :label, :is_default, :created_at, :owner)
RETURNING id
