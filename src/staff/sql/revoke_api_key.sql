UPDATE api_keys SET revoked_at = :revoked_at, revoked_by = :revoked_by
WHERE id = :id AND revoked_at IS NULL
