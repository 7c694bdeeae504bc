SELECT id, url, event_prefix, active, created_by, created_at FROM webhook_endpoints ORDER BY id
