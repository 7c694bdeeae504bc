SELECT a.number FROM service_orders o JOIN accounts a ON a.id = o.account_id WHERE o.id = :id
