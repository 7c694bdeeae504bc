-- How the command ended: succeeded, failed (with the head-end's reason) or expired.
UPDATE head_end_commands SET status = :status, reason = :reason, finished_at = :at
WHERE order_id = :order AND status = 'pending'
