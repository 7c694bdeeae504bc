SELECT id, to_number, body, attempts
FROM text_outbox
WHERE sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= :now
ORDER BY id
LIMIT :limit
