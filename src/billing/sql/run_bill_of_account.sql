-- The account's bill in the run that is not cancelled (at most one: bills_once_per_run).
SELECT id FROM bills WHERE bill_run_id = :run AND account_id = :account AND status <> 'cancelled'
