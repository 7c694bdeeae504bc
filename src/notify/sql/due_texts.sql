-- The messages due now, oldest due first, through the index of unsent ones (an id order
-- would read every message sent before reaching one that is not).
SELECT id, to_number, body, attempts
FROM text_outbox
WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= :now
ORDER BY next_attempt_at, id
LIMIT :limit
