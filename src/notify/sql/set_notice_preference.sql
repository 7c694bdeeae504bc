INSERT INTO notice_preferences (account_id, kind, channel, enabled, changed_at, changed_by)
VALUES (:account_id, :kind, :channel, :enabled, :changed_at, :changed_by)
ON CONFLICT (account_id, kind, channel) DO UPDATE
SET enabled = excluded.enabled, changed_at = excluded.changed_at, changed_by = excluded.changed_by
