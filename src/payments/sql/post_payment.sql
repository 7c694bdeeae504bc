-- pending -> posted, once: a second caller changes no row (and so posts nothing).
UPDATE payments SET status = 'posted', processor_reference = :reference, updated_at = :at
WHERE id = :id AND status = 'pending'
