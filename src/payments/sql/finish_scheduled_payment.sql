UPDATE scheduled_payments SET status = :status, payment_id = :payment
WHERE id = :id AND status = 'scheduled'
