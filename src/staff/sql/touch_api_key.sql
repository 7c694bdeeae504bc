UPDATE api_keys SET last_used_at = :last_used_at WHERE id = :id
