SELECT COALESCE(MAX(id), 0) AS last_event_id FROM account_events
