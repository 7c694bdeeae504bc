SELECT id, user_id, purpose, expires_at, used_at FROM staff_tokens WHERE token_hash = :token_hash
