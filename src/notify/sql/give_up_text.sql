-- The provider refused the message for good (e.g. not a number it can text): never tried again.
UPDATE text_outbox SET attempts = attempts + 1, last_error = :last_error, given_up_at = :given_up_at,
  body = ''
WHERE id = :id AND sent_at IS NULL
