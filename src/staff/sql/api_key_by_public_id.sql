SELECT id, name, secret_hash, permissions, COALESCE(last_used_at, '') AS last_used_at,
       COALESCE(expires_at, '') AS expires_at, revoked_at
FROM api_keys WHERE public_id = :public_id
