-- What the customer paid or was credited from :from to :to (a positive number).
SELECT CAST(COALESCE(-SUM(amount_cents), 0) AS BIGINT) AS paid_cents FROM ledger_entries
WHERE account_id = :account AND amount_cents < 0 AND effective_on >= :from AND effective_on <= :to
