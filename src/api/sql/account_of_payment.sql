SELECT a.number FROM payments p JOIN accounts a ON a.id = p.account_id
WHERE p.confirmation = :confirmation
