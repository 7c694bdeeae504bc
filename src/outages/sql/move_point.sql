-- Point :point of outage :outage is still dark: it is outage :to's now.
UPDATE outage_points SET moved_to = :to WHERE outage_id = :outage AND service_point_id = :point
  AND restored_at IS NULL AND moved_to IS NULL
