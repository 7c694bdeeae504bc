-- Every premise left dark by an open outage, with the outage.
SELECT sp.premise_id, op.outage_id
FROM outage_points op
JOIN outages o ON o.id = op.outage_id
JOIN service_points sp ON sp.id = op.service_point_id
WHERE op.restored_at IS NULL AND op.moved_to IS NULL
  AND o.status NOT IN ('restored', 'merged', 'cancelled')
