-- Outage :outage's dark points whose meters said their power came back since :since: restored.
UPDATE outage_points SET restored_at = :at
WHERE outage_id = :outage AND restored_at IS NULL AND moved_to IS NULL
  AND EXISTS (
    SELECT 1 FROM outage_signals s
    WHERE s.service_point_id = outage_points.service_point_id AND s.kind = 'power_restored'
      AND s.received_at >= :since AND s.occurred_at > outage_points.out_since)
