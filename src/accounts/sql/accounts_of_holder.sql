SELECT id FROM accounts
WHERE person_id = (SELECT person_id FROM accounts WHERE id = :account_id)
ORDER BY id
