-- The channels that measure consumption (not demand) on the meters installed at the account's
-- service points, with the service point they serve: interval channels (interval_minutes) and
-- register channels (0, with the dial's digits; NULL digits: the unit's default), and the days the
-- account had the service: usage before it started or after it ended is another customer's.
SELECT sp.id AS service_point_id, sp.commodity, m.serial, mc.id AS channel_id, mc.name, mc.unit,
       COALESCE(mc.interval_minutes, 0) AS interval_minutes, mc.dial_digits,
       sa.start_date, sa.end_date
FROM accounts a
JOIN service_agreements sa ON sa.account_id = a.id
JOIN service_points sp ON sp.id = sa.service_point_id
JOIN meters m ON m.service_point_id = sp.id
JOIN meter_channels mc ON mc.meter_id = m.id
WHERE a.number = :number
  AND mc.unit <> 'kW'
ORDER BY sp.id, m.id, mc.id
