-- Every premise left dark by an open outage at :now (planned work once it has begun), with the
-- outage and where the premise is.
SELECT sp.premise_id, op.outage_id, p.zip, p.latitude_micro, p.longitude_micro
FROM outage_points op
JOIN outages o ON o.id = op.outage_id
JOIN service_points sp ON sp.id = op.service_point_id
JOIN premises p ON p.id = sp.premise_id
WHERE op.restored_at IS NULL AND op.moved_to IS NULL AND (o.planned = 0 OR op.out_since <= :now)
  AND o.status NOT IN ('restored', 'merged', 'cancelled')
