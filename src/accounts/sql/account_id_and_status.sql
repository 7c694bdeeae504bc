SELECT id, status FROM accounts WHERE number = :number
