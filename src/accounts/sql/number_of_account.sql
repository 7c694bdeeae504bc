SELECT number FROM accounts WHERE id = :id
