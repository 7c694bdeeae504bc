-- The account's latest sent bill, with the id of the 'bill' ledger entry it posted: where "what is
-- owed now" starts (billing/amount_owed.h).
SELECT b.number, b.due_date, b.previous_balance_cents, b.charges_cents, b.budget_deferred_cents,
       b.arrangement_deferred_cents,
       (SELECT e.id FROM ledger_entries e
        WHERE e.account_id = b.account_id AND e.kind = 'bill'
          AND e.reference = CAST(b.number AS TEXT)) AS entry_id,
       b.bill_date
FROM bills b
WHERE b.account_id = :account AND b.status = 'released'
ORDER BY b.id DESC LIMIT 1
