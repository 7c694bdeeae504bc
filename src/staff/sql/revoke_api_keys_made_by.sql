UPDATE api_keys SET revoked_at = :revoked_at, revoked_by = :revoked_by
WHERE created_by = :made_by AND revoked_at IS NULL
