-- Customers out at :now: the service points dark in any open outage, each once (planned work
-- only from its start).
SELECT COUNT(DISTINCT op.service_point_id) AS dark, COUNT(DISTINCT o.id) AS outages
FROM outage_points op
JOIN outages o ON o.id = op.outage_id
WHERE op.restored_at IS NULL AND op.moved_to IS NULL
  AND (o.planned = 0 OR op.out_since <= :now)
  AND o.status NOT IN ('restored', 'merged', 'cancelled')
