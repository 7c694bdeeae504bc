-- The body is cleared once the provider has the message: it may hold a one-time link.
UPDATE text_outbox SET sent_at = :sent_at, provider_id = :provider_id, body = '',
  attempts = attempts + 1, last_error = ''
WHERE id = :id AND sent_at IS NULL
