SELECT MAX(id) AS id FROM messages WHERE thread_id = :thread
