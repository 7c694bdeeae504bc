-- A meter event naming no meter in place.
INSERT INTO meter_event_rejects (meter_serial, kind, occurred_at, reason, received_at, actor)
VALUES (:serial, :kind, :occurred_at, :reason, :received_at, :actor)
