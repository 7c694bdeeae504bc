UPDATE lockbox_items
SET status = 'applied', payment_id = :payment, resolved_by = :by, resolved_at = :at
WHERE id = :id AND status = 'suspense'
