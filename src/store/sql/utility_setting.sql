SELECT value FROM utility_settings WHERE key = :key
