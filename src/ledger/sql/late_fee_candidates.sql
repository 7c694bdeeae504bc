-- Released bills due before :cutoff (their grace period has ended) that the late-fee job has not
-- answered yet, after bill :after, with the ledger entry each bill posted, the account's
-- exemption, and what a budget bill asked for and what it deferred (of budget billing and of a
-- payment arrangement); for a closed account, the day it closed and its final bill's due date.
SELECT b.id AS bill_id, b.account_id, b.number, b.due_date, b.charges_cents, le.id AS entry_id,
       a.late_fee_exemption, b.budget_asked_cents,
       b.budget_deferred_cents + b.arrangement_deferred_cents AS deferred_cents,
       a.status AS account_status, a.closed_on,
       (SELECT MAX(f.due_date) FROM bills f
         WHERE f.account_id = a.id AND f.final = 1 AND f.status = 'released') AS final_due_date
FROM bills b
JOIN accounts a ON a.id = b.account_id
JOIN ledger_entries le ON le.account_id = b.account_id AND le.kind = 'bill'
  AND le.reference = CAST(b.number AS TEXT)
WHERE b.status = 'released' AND b.due_date < :cutoff AND b.id > :after
  AND NOT EXISTS (SELECT 1 FROM late_fees f WHERE f.bill_id = b.id)
ORDER BY b.id LIMIT :limit
