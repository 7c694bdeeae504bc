-- The charges of released bills not yet due on :day: what the past-due balance leaves out.
SELECT CAST(COALESCE(SUM(charges_cents), 0) AS BIGINT) AS not_due_cents FROM bills
WHERE account_id = :account AND status = 'released' AND due_date >= :day
