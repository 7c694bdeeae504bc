SELECT id, to_address, subject, body, html_body, unsubscribe_url, message_key, attempts
FROM email_outbox
WHERE sent_at IS NULL AND next_attempt_at <= :now
ORDER BY id
LIMIT :limit
