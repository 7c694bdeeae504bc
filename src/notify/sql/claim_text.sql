-- Takes a due text for :lease_until (as claim_email does for email).
UPDATE text_outbox SET next_attempt_at = :lease_until
WHERE id = :id AND sent_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= :now
