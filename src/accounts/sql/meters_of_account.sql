-- Meters currently installed at the account's service points, one row per channel.
SELECT m.service_point_id, m.id, m.serial, m.kind, m.installed_on, mc.name
FROM service_agreements sa
JOIN meters m ON m.service_point_id = sa.service_point_id
LEFT JOIN meter_channels mc ON mc.meter_id = m.id
WHERE sa.account_id = :account_id AND m.removed_on IS NULL
ORDER BY m.id, mc.id
