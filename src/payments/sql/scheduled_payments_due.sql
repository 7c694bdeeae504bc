-- Scheduled payments due by a day, with what paying them needs.
SELECT s.id, a.number, s.amount_cents, m.token,
       COALESCE(m.removed_at, '') AS method_removed_at
FROM scheduled_payments s
JOIN accounts a ON a.id = s.account_id
JOIN payment_methods m ON m.id = s.payment_method_id
WHERE s.status = 'scheduled' AND s.pay_on <= :day
ORDER BY s.id
