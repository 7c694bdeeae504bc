UPDATE payment_arrangements SET down_payment_kept = 1 WHERE id = :id
