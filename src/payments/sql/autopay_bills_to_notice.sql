-- Released bills of enrolled accounts, released after the account enrolled, autopay has not seen.
SELECT b.id AS bill_id, b.account_id, b.number, b.due_date, e.id AS enrolment_id,
       e.days_before_due,
       b.previous_balance_cents + b.charges_cents - b.budget_deferred_cents
         - b.arrangement_deferred_cents AS amount_due_cents
FROM autopay_enrolments e
JOIN bills b ON b.account_id = e.account_id
WHERE e.cancelled_at IS NULL AND b.status = 'released' AND b.released_at >= e.enrolled_at
  AND NOT EXISTS (SELECT 1 FROM autopay_bills ab WHERE ab.bill_id = b.id)
ORDER BY b.id
