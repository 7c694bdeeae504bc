-- An account's latest high-usage alerts, newest first.
SELECT id, basis, period_start, found_on, so_far_cents, projected_cents, estimated
FROM usage_alerts WHERE account_id = :account ORDER BY id DESC LIMIT :limit
