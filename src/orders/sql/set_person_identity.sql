UPDATE persons SET birth_date = :birth_date, id_last4 = :id_last4
WHERE id = (SELECT person_id FROM accounts WHERE id = :account)
