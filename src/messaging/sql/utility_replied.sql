-- The utility answered: the thread waits on the customer; the first answer is kept.
UPDATE message_threads SET status = 'waiting', last_message_at = :at,
                           first_reply_at = COALESCE(first_reply_at, :first_reply_at)
WHERE id = :id
