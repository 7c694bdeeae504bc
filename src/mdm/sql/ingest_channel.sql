SELECT mc.id AS channel_id, m.id AS meter_id, COALESCE(m.service_point_id, 0) AS service_point_id,
       mc.unit, mc.interval_minutes, mc.dial_digits,
       m.installed_on, m.removed_on, sp.commodity
FROM meters m
JOIN meter_channels mc ON mc.meter_id = m.id
LEFT JOIN service_points sp ON sp.id = m.service_point_id
WHERE m.serial = :serial AND mc.name = :channel
