SELECT COUNT(*) AS problem_count FROM bill_run_problems WHERE bill_run_id = :run
