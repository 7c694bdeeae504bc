SELECT id, account_id, status, first_reply_at FROM message_threads WHERE id = :id
