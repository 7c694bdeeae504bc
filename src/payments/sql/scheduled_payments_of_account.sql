SELECT s.id, s.amount_cents, s.pay_on, s.payment_method_id, s.status,
       COALESCE(p.confirmation, '') AS confirmation,
       COALESCE(s.failure_reason, p.failure_reason, '') AS failure_reason
FROM scheduled_payments s
JOIN accounts a ON a.id = s.account_id
LEFT JOIN payments p ON p.id = s.payment_id
WHERE a.number = :account
ORDER BY s.pay_on, s.id
