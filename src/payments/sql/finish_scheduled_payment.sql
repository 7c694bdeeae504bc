UPDATE scheduled_payments SET status = :status, payment_id = :payment, failure_reason = :reason
WHERE id = :id AND status = 'scheduled'
