-- The interval channel that measured a section: on meter :serial at the agreement's service
-- point, in the section's unit.
SELECT c.id AS channel_id, c.interval_minutes
FROM meters m JOIN meter_channels c ON c.meter_id = m.id
WHERE m.serial = :serial AND m.service_point_id = :service_point_id AND c.unit = :unit
  AND c.interval_minutes IS NOT NULL
ORDER BY c.id
LIMIT 1
