-- Keys that still work (rotated keys within their overlap included), newest first.
SELECT id, name, public_id, permissions, created_at, created_by,
       COALESCE(last_used_at, '') AS last_used_at, COALESCE(expires_at, '') AS expires_at
FROM api_keys
WHERE revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)
ORDER BY id DESC
