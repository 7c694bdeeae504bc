-- Each generated payment written after payment :after points at its ledger entry.
UPDATE payments SET ledger_entry_id = (
  SELECT le.id FROM ledger_entries le
  WHERE le.account_id = payments.account_id AND le.kind = 'payment'
    AND le.reference = payments.confirmation)
WHERE id > :after AND ledger_entry_id IS NULL
