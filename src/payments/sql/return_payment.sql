-- posted -> returned, once: a second caller changes no row.
UPDATE payments SET status = 'returned', return_code = :code, returned_at = :returned_at,
    updated_at = :updated_at
WHERE id = :id AND status = 'posted'
