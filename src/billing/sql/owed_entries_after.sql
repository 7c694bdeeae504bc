-- The account's ledger entries after entry :entry, oldest first (0: every entry), each reversal
-- with what it undoes: a payment's by what became of the payment (payment_voided,
-- payment_returned, payment_moved), anything else by the reversed entry's kind.
SELECT le.kind, le.amount_cents, le.effective_on, le.posted_at,
       CASE WHEN le.kind = 'reversal' THEN
         (SELECT CASE WHEN r.kind <> 'payment' THEN r.kind
                      ELSE COALESCE((SELECT 'payment_' || p.status FROM payments p
                                     WHERE p.account_id = r.account_id
                                       AND p.ledger_entry_id = r.id
                                       AND p.status IN ('voided', 'returned', 'moved')),
                                    'payment') END
          FROM ledger_entries r WHERE r.id = le.reverses_entry_id)
       END AS reverses
FROM ledger_entries le
WHERE le.account_id = :account AND le.id > :entry ORDER BY le.id
