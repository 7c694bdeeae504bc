-- An estimated restoration set, kept with the outage's moves.
INSERT INTO outage_moves (outage_id, action, from_status, to_status, note, etr, actor, at)
VALUES (:outage, 'etr', :status, :status_again, :note, :etr, :actor, :at)
