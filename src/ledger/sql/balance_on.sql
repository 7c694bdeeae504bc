-- The account's balance from the entries effective on or before :day.
SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS balance_cents FROM ledger_entries
WHERE account_id = :account AND effective_on <= :day
