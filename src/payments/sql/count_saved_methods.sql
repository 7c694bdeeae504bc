SELECT COUNT(*) AS saved_methods FROM payment_methods
WHERE account_id = :account AND owner = :owner AND removed_at IS NULL
