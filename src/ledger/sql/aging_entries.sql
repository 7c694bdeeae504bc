-- An account's ledger entries with the day each charge falls due: a bill's due date (through its
-- reference, the bill number), otherwise the day the entry takes effect.
SELECT le.amount_cents, COALESCE(b.due_date, le.effective_on) AS due_on
FROM ledger_entries le
LEFT JOIN bills b ON le.kind = 'bill' AND b.account_id = le.account_id
  AND CAST(b.number AS TEXT) = le.reference
WHERE le.account_id = :account
ORDER BY le.id
