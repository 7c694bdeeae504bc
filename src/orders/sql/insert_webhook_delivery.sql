INSERT INTO webhook_deliveries (endpoint_id, event_id, payload, next_attempt_at)
VALUES (:endpoint, :event, :payload, :now)
ON CONFLICT (endpoint_id, event_id) DO NOTHING
