-- A bill as a staff action needs it, with the cycle of the run that drafted it.
SELECT b.id, b.account_id, b.bill_run_id, b.status, b.number, b.period_start, b.period_end,
       b.bill_date, b.due_date, b.charges_cents, r.cycle AS run_cycle
FROM bills b LEFT JOIN bill_runs r ON r.id = b.bill_run_id
WHERE b.id = :bill
