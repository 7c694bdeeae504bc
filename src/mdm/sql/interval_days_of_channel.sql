SELECT utc_day, interval_minutes, vals, quality, version
FROM interval_days
WHERE channel_id = :channel_id AND utc_day BETWEEN :first_day AND :last_day
ORDER BY utc_day
