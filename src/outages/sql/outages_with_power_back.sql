-- Open outages with a dark point whose meter said its power came back (after it went out) since
-- :since, with how many such points.
SELECT op.outage_id, COUNT(DISTINCT op.service_point_id) AS points
FROM outage_signals s
JOIN outage_points op ON op.service_point_id = s.service_point_id
  AND op.restored_at IS NULL AND op.moved_to IS NULL AND s.occurred_at > op.out_since
JOIN outages o ON o.id = op.outage_id AND o.status NOT IN ('restored', 'merged', 'cancelled')
WHERE s.kind = 'power_restored' AND s.received_at >= :since
GROUP BY op.outage_id
