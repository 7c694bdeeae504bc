UPDATE payment_arrangements SET status = :status, ended_on = :day, end_reason = :reason
WHERE id = :id AND status = 'active'
