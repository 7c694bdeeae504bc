SELECT id, name FROM api_keys
