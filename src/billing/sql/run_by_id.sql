SELECT id, cycle, read_date, bill_date, status, accounts FROM bill_runs WHERE id = :run
