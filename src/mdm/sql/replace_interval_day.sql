UPDATE interval_days
SET vals = :vals, quality = :quality, version = version + 1, updated_at = :updated_at
WHERE channel_id = :channel_id AND utc_day = :utc_day AND version = :version
