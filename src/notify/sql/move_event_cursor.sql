UPDATE event_cursors SET last_event_id = :last_event_id WHERE name = :name
