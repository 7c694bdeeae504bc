-- pending -> failed, once.
UPDATE payments SET status = 'failed', failure_reason = :reason, updated_at = :at
WHERE id = :id AND status = 'pending'
