SELECT status, COALESCE(ended_on, '') AS ended_on
FROM payment_arrangements WHERE account_id = :account
