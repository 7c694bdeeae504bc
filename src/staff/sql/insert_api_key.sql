INSERT INTO api_keys (name, public_id, secret_hash, permissions, created_at, created_by)
VALUES (:name, :public_id, :secret_hash, :permissions, :created_at, :created_by)
RETURNING id
