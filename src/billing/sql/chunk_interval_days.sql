-- The interval days of UTC days [:first_day, :last_day] of the interval channels at the service
-- points of the cycle's accounts in [:first, :last].
SELECT d.channel_id, d.utc_day, d.interval_minutes, d.vals, d.quality
FROM interval_days d
WHERE d.channel_id IN (
    SELECT c.id FROM accounts a
    JOIN service_agreements sa ON sa.account_id = a.id
    JOIN meters m ON m.service_point_id = sa.service_point_id
    JOIN meter_channels c ON c.meter_id = m.id
    WHERE a.bill_cycle = :cycle AND a.id BETWEEN :first AND :last
      AND c.interval_minutes IS NOT NULL)
  AND d.utc_day BETWEEN :first_day AND :last_day
