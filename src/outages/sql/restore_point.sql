-- Point :point of outage :outage has power again.
UPDATE outage_points SET restored_at = :at WHERE outage_id = :outage AND service_point_id = :point
  AND restored_at IS NULL
