-- Takes the notices' cursor for this transaction: several servers deciding notices take turns.
UPDATE event_cursors SET last_event_id = last_event_id WHERE name = :name
