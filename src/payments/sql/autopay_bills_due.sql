-- Autopay charges due by a day whose enrolment is still active, with what paying them needs.
SELECT ab.bill_id, b.account_id, a.number AS account_number, b.number AS bill_number,
       b.previous_balance_cents + b.charges_cents - b.budget_deferred_cents
         - b.arrangement_deferred_cents AS amount_due_cents,
       m.token, COALESCE(m.removed_at, '') AS method_removed_at
FROM autopay_bills ab
JOIN autopay_enrolments e ON e.id = ab.enrolment_id
JOIN bills b ON b.id = ab.bill_id
JOIN accounts a ON a.id = b.account_id
JOIN payment_methods m ON m.id = e.payment_method_id
WHERE ab.status = 'scheduled' AND ab.charge_on <= :day AND e.cancelled_at IS NULL
  AND b.status = 'released'
ORDER BY ab.bill_id
