INSERT INTO interval_day_history
  (channel_id, utc_day, version, vals, quality, replaced_at, replaced_by, reason)
SELECT channel_id, utc_day, version, vals, quality, :replaced_at, :replaced_by, :reason
FROM interval_days
WHERE channel_id = :channel_id AND utc_day = :utc_day AND version = :version
