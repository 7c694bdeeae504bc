-- One account's high-usage thresholds.
SELECT id, basis, amount_cents, percent, set_by, set_at FROM usage_thresholds
WHERE account_id = :account ORDER BY id
