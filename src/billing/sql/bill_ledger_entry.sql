-- The 'bill' ledger entry a released bill posted (its reference is the bill number).
SELECT id, amount_cents FROM ledger_entries
WHERE account_id = :account AND kind = 'bill' AND reference = :reference
