-- The meter channels at the service points of the cycle's accounts in [:first, :last].
SELECT m.service_point_id, m.id AS meter_id, m.serial, m.installed_on, m.removed_on, c.id AS channel_id, c.unit,
       c.interval_minutes, c.dial_digits
FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN meters m ON m.service_point_id = sa.service_point_id
JOIN meter_channels c ON c.meter_id = m.id
WHERE a.bill_cycle = :cycle AND a.id BETWEEN :first AND :last
ORDER BY m.service_point_id, m.id, c.id
