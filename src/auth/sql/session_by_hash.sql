SELECT id, user_id, csrf_token, created_at, last_seen_at, ended_at FROM user_sessions
WHERE token_hash = :token_hash
