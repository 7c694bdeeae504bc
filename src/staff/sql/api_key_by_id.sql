SELECT id, name, public_id, permissions, created_at, created_by,
       COALESCE(last_used_at, '') AS last_used_at, COALESCE(expires_at, '') AS expires_at,
       revoked_at, replaced_by
FROM api_keys WHERE id = :id
