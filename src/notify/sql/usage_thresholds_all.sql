-- Every account's high-usage thresholds, for the daily usage watch.
SELECT id, account_id, basis, amount_cents, percent FROM usage_thresholds ORDER BY account_id, id
