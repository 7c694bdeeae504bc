-- The account's ledger entries after entry :entry, oldest first (0: every entry).
SELECT kind, amount_cents, effective_on, posted_at FROM ledger_entries
WHERE account_id = :account AND id > :entry ORDER BY id
