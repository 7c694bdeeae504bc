-- Deliveries due now, oldest first, with their endpoint.
SELECT d.id, d.payload, d.attempts, w.url, w.secret
FROM webhook_deliveries d JOIN webhook_endpoints w ON w.id = d.endpoint_id
WHERE d.delivered_at IS NULL AND d.failed_at IS NULL AND d.next_attempt_at <= :now
ORDER BY d.next_attempt_at, d.id
LIMIT :limit
