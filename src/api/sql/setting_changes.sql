-- Changes of the utility's settings, newest first, before event :before (cursor pagination).
SELECT id, occurred_at, actor, summary, details
FROM account_events
WHERE account_id IS NULL AND kind = 'utility.setting_changed' AND id < :before
ORDER BY id DESC LIMIT :limit
