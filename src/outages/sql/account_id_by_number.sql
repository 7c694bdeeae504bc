SELECT id FROM accounts WHERE number = :number
