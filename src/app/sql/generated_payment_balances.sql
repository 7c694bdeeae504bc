-- Each generated payment written after payment :after records the account's balance right after
-- it posted: the sum of the account's ledger entries up to and including its own (entries are
-- written in the order they happened).
UPDATE payments SET balance_after_cents = (
  SELECT CAST(SUM(le.amount_cents) AS BIGINT) FROM ledger_entries le
  WHERE le.account_id = payments.account_id AND le.id <= payments.ledger_entry_id)
WHERE id > :after AND balance_after_cents IS NULL AND ledger_entry_id IS NOT NULL
