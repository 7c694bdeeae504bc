UPDATE accounts SET status = 'active', bill_cycle = :cycle WHERE id = :account AND status = 'pending'
