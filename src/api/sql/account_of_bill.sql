SELECT a.number FROM bills b JOIN accounts a ON a.id = b.account_id WHERE b.id = :id
