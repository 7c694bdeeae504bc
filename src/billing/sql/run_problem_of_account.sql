-- Why run :run could not bill account :account, if it could not.
SELECT problem FROM bill_run_problems WHERE bill_run_id = :run AND account_id = :account
