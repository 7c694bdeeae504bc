SELECT last_event_id FROM event_cursors WHERE name = 'webhooks'
