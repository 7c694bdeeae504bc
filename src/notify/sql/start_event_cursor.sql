-- Starts cursor :name at the newest account event, unless it exists already.
INSERT INTO event_cursors (name, last_event_id)
SELECT :name, COALESCE(MAX(id), 0) FROM account_events WHERE 1 = 1
ON CONFLICT (name) DO NOTHING
