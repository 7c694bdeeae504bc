SELECT id, status, bill_date, accounts FROM bill_runs WHERE cycle = :cycle AND read_date = :read_date
