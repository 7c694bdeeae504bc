SELECT key, value FROM utility_settings ORDER BY key
