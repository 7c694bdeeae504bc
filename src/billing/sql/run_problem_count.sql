SELECT COUNT(*) FROM bill_run_problems WHERE bill_run_id = :run
