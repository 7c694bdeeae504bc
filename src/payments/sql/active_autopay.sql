SELECT e.id, e.payment_method_id, e.days_before_due, e.enrolled_at
FROM autopay_enrolments e JOIN accounts a ON a.id = e.account_id
WHERE a.number = :account AND e.cancelled_at IS NULL
