SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) AS last_payment_id FROM payments
