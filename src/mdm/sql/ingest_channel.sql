SELECT mc.id, m.id, COALESCE(m.service_point_id, 0), mc.unit, mc.interval_minutes, mc.dial_digits,
       m.installed_on, m.removed_on, sp.commodity
FROM meters m
JOIN meter_channels mc ON mc.meter_id = m.id
LEFT JOIN service_points sp ON sp.id = m.service_point_id
WHERE m.serial = :serial AND mc.name = :channel
