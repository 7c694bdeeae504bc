-- The interval days of channel :channel in UTC days [:first_day, :last_day].
SELECT d.utc_day, d.interval_minutes, d.vals, d.quality
FROM interval_days d
WHERE d.channel_id = :channel AND d.utc_day BETWEEN :first_day AND :last_day
ORDER BY d.utc_day
