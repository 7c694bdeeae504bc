-- Outage :into takes the points outage :from still leaves dark (a merge).
INSERT INTO outage_points (outage_id, service_point_id, out_since)
SELECT :into, service_point_id, out_since FROM outage_points
WHERE outage_id = :from AND restored_at IS NULL AND moved_to IS NULL
ON CONFLICT DO NOTHING
