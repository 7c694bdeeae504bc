-- Released bills due on :due_date not reminded of yet, on accounts that still owe something now
-- and are not enrolled in autopay (autopay pays them, and says so itself); with the arrangement
-- whose installment the bill carries (null: none).
SELECT b.id AS bill_id, b.number, b.account_id, b.due_date, b.arrangement_id
FROM bills b
WHERE b.status = 'released' AND b.due_date = :due_date
  AND NOT EXISTS (SELECT 1 FROM due_reminders r WHERE r.bill_id = b.id)
  AND NOT EXISTS (SELECT 1 FROM autopay_enrolments e
                  WHERE e.account_id = b.account_id AND e.cancelled_at IS NULL)
  AND (SELECT COALESCE(SUM(l.amount_cents), 0) FROM ledger_entries l
       WHERE l.account_id = b.account_id) > 0
ORDER BY b.id
