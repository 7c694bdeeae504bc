UPDATE text_outbox SET attempts = attempts + 1, last_error = :last_error,
  next_attempt_at = :next_attempt_at
WHERE id = :id AND sent_at IS NULL
