-- posted -> voided, once: a second caller changes no row.
UPDATE payments SET status = 'voided', voided_at = :voided_at, void_reason = :reason,
    updated_at = :updated_at
WHERE id = :id AND status = 'posted'
