UPDATE bill_runs SET accounts = :accounts WHERE id = :run
