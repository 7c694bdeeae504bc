UPDATE message_threads SET status = 'closed', closed_at = :at WHERE id = :id
