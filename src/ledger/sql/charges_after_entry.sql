-- The charges (positive entries) posted after entry :entry and effective on or before :day: what
-- a credit pays only after the older charge, oldest first.
SELECT CAST(COALESCE(SUM(amount_cents), 0) AS BIGINT) AS later_charges_cents
FROM ledger_entries
WHERE account_id = :account AND id > :entry AND amount_cents > 0 AND effective_on <= :day
