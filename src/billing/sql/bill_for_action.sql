-- A bill as a staff action needs it.
SELECT id, account_id, bill_run_id, status, number, period_start, period_end, bill_date, due_date,
       charges_cents
FROM bills WHERE id = :bill
