SELECT kind, occurred_at, actor, summary
FROM account_events
WHERE account_id = :account_id
ORDER BY id DESC
LIMIT :limit
