INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at, created_at)
VALUES (:user_id, :purpose, :token_hash, :expires_at, :created_at)
