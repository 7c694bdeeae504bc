-- The released bills of a run that no payment entry refers to yet, with what was due on them.
SELECT b.id, b.account_id, b.number, b.bill_date, b.previous_balance_cents, b.charges_cents
FROM bills b
WHERE b.bill_run_id = :run AND b.status = 'released'
  AND NOT EXISTS (SELECT 1 FROM ledger_entries le WHERE le.account_id = b.account_id
                  AND le.kind = 'payment' AND le.reference = 'PMT-' || CAST(b.number AS TEXT))
ORDER BY b.id
