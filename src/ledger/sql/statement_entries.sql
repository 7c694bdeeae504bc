-- Every ledger entry of an account in statement order: the day it took effect, then posting.
SELECT id, kind, amount_cents, effective_on, posted_at, reference, memo, reverses_entry_id
FROM ledger_entries
WHERE account_id = :account_id
ORDER BY effective_on, id
