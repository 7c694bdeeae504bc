SELECT DISTINCT m.serial, mc.name, COALESCE(mc.interval_minutes, 0) AS interval_minutes
FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN meters m ON m.service_point_id = sa.service_point_id
JOIN meter_channels mc ON mc.meter_id = m.id
WHERE a.number = :number AND sa.end_date IS NULL AND m.removed_on IS NULL AND mc.unit <> 'kW'
ORDER BY m.serial, mc.name
