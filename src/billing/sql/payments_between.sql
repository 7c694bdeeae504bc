-- Payments (negative) posted after ledger entry :after and before entry :before.
SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS payments_cents FROM ledger_entries
WHERE account_id = :account AND kind = 'payment' AND id > :after AND id < :before
