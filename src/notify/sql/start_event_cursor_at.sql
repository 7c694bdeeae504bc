-- Starts cursor :name at :last_event_id, unless it exists already.
INSERT INTO event_cursors (name, last_event_id) VALUES (:name, :last_event_id)
ON CONFLICT (name) DO NOTHING
