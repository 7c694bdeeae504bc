SELECT id FROM bills WHERE account_id = :account AND number = :number
