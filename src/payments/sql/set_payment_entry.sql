-- The ledger entry a posted payment made, and the balance right after it.
UPDATE payments SET ledger_entry_id = :entry, balance_after_cents = :balance_after WHERE id = :id
