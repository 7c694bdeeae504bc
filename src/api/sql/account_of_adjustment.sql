SELECT a.number FROM adjustments j JOIN accounts a ON a.id = j.account_id WHERE j.id = :id
