-- The webhooks' cursor starts at the newest event: what happened before any endpoint is not sent.
INSERT INTO event_cursors (name, last_event_id)
SELECT 'webhooks', COALESCE(MAX(id), 0) FROM account_events WHERE true
ON CONFLICT (name) DO NOTHING
