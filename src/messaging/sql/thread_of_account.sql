SELECT id, account_id, status FROM message_threads WHERE id = :id AND account_id = :account
