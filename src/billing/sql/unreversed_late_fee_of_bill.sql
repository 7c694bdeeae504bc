-- The late fee charged on a bill, when it has not been reversed yet.
SELECT le.id, le.amount_cents
FROM late_fees f
JOIN ledger_entries le ON le.id = f.ledger_entry_id
WHERE f.bill_id = :bill_id
  AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses_entry_id = le.id)
