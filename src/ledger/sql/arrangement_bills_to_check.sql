-- Released bills carrying an installment of the arrangement, due before :day, not yet judged,
-- with what they deferred (of budget billing and of the arrangement: not owed yet) and their
-- ledger entry.
SELECT b.id AS bill_id, b.due_date,
       b.budget_deferred_cents + b.arrangement_deferred_cents AS deferred_cents, le.id AS entry_id
FROM bills b
JOIN ledger_entries le ON le.account_id = b.account_id AND le.kind = 'bill'
  AND le.reference = CAST(b.number AS TEXT)
WHERE b.arrangement_id = :arrangement AND b.status = 'released' AND b.due_date < :day
  AND b.arrangement_checked = 0
ORDER BY b.id
