INSERT INTO staff_tokens (user_id, purpose, token_hash, expires_at)
VALUES (:user_id, :purpose, :token_hash, :expires_at)
