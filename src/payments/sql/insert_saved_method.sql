INSERT INTO payment_methods (account_id, token, method, label, is_default, created_at)
VALUES (:account, :token, :method, :label, :is_default, :created_at)
RETURNING id
