-- Outage :outage's moves, oldest first.
SELECT action, from_status, to_status, note, etr, actor, at FROM outage_moves
WHERE outage_id = :outage ORDER BY id
