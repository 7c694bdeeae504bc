-- The ledger balances of the cycle's accounts in [:first, :last] (accounts with no entries absent).
SELECT le.account_id, CAST(SUM(le.amount_cents) AS BIGINT) AS balance_cents
FROM accounts a JOIN ledger_entries le ON le.account_id = a.id
WHERE a.bill_cycle = :cycle AND a.id BETWEEN :first AND :last
GROUP BY le.account_id
