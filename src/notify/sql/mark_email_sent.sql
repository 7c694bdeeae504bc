-- The body is cleared once the SMTP server has the message: it may hold a one-time link.
UPDATE email_outbox SET sent_at = :sent_at, body = '', attempts = attempts + 1, last_error = ''
WHERE id = :id AND sent_at IS NULL
