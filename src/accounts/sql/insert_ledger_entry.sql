INSERT INTO ledger_entries
  (account_id, kind, amount_cents, effective_on, posted_at, reference, memo, reverses_entry_id)
VALUES (:account_id, :kind, :amount_cents, :effective_on, :posted_at, :reference, :memo, :reverses)
RETURNING id
