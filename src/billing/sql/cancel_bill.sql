-- Cancels a held or released bill; the row stays, with when and why.
UPDATE bills SET status = 'cancelled', cancelled_at = :cancelled_at, cancel_reason = :reason
WHERE id = :bill AND status IN ('held', 'released')
