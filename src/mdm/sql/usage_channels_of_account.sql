-- The interval channels that measure consumption (not demand) on the meters installed at the
-- account's service points, with the service point they serve.
SELECT sp.id, sp.commodity, m.serial, mc.id, mc.name, mc.unit, mc.interval_minutes
FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN meters m ON m.service_point_id = sp.id
JOIN meter_channels mc ON mc.meter_id = m.id
WHERE a.number = :number
  AND mc.interval_minutes IS NOT NULL
  AND mc.unit <> 'kW'
ORDER BY sp.id, m.id, mc.id
