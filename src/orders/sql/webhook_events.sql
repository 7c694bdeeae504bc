-- Events after the cursor an active endpoint follows (its prefix starts the kind) and has no
-- delivery for yet, oldest first, one row per (event, endpoint).
SELECT e.id, e.kind, e.occurred_at, e.actor, e.summary, e.details, a.number AS account_number,
       w.id AS endpoint_id
FROM account_events e
JOIN accounts a ON a.id = e.account_id
JOIN webhook_endpoints w ON w.active = 1
  AND substr(e.kind, 1, length(w.event_prefix)) = w.event_prefix
WHERE e.id > :after
  AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d
                  WHERE d.endpoint_id = w.id AND d.event_id = e.id)
ORDER BY e.id, w.id
LIMIT :limit
