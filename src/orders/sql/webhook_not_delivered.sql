-- A failed attempt: tried again at :next, or given up (:given_up_at not null).
UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = :error,
       next_attempt_at = :next, failed_at = :given_up_at
WHERE id = :id
