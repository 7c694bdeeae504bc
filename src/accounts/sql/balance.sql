SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS balance_cents
FROM ledger_entries
WHERE account_id = :account_id
