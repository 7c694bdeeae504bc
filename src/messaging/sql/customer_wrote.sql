-- The customer wrote: the thread waits on the utility again.
UPDATE message_threads SET status = 'open', last_message_at = :at, closed_at = NULL WHERE id = :id
