INSERT INTO webhook_endpoints (url, secret, event_prefix, created_by, created_at)
VALUES (:url, :secret, :prefix, :actor, :at)
RETURNING id
