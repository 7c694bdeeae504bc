-- posted -> moved, once: a second caller changes no row.
UPDATE payments SET status = 'moved', moved_to_payment_id = :carrier, moved_at = :moved_at,
    move_reason = :reason, updated_at = :updated_at
WHERE id = :id AND status = 'posted'
