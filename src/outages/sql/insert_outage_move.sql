-- One move of an outage, with who made it.
INSERT INTO outage_moves (outage_id, action, from_status, to_status, note, etr, actor, at)
VALUES (:outage, :action, :from_status, :to_status, :note, :etr, :actor, :at)
