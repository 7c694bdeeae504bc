-- The messages due now, oldest due first, through the index of unsent ones (an id order
-- would read every message sent before reaching one that is not).
SELECT id, to_address, subject, body, html_body, unsubscribe_url, message_key, attempts
FROM email_outbox
WHERE sent_at IS NULL AND next_attempt_at <= :now
ORDER BY next_attempt_at, id
LIMIT :limit
