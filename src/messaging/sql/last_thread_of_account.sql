SELECT MAX(id) AS id FROM message_threads WHERE account_id = :account
