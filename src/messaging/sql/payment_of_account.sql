SELECT id FROM payments WHERE account_id = :account AND confirmation = :confirmation
