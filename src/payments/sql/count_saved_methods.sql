SELECT COUNT(*) FROM payment_methods WHERE account_id = :account AND removed_at IS NULL
