-- The account's sent bill before bill number :number: what it asked for (its amount due, less
-- any budget- or arrangement-deferred balance) and its ledger entry.
SELECT b.previous_balance_cents + b.charges_cents - b.budget_deferred_cents
         - b.arrangement_deferred_cents AS amount_due_cents,
       le.id
FROM bills b
JOIN ledger_entries le ON le.account_id = b.account_id AND le.kind = 'bill'
  AND le.reference = CAST(b.number AS TEXT)
WHERE b.account_id = :account AND b.status = 'released' AND b.number < :number
ORDER BY b.number DESC LIMIT 1
