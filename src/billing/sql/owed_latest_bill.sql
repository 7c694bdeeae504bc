-- The account's latest sent bill, with the id of the 'bill' ledger entry it posted and the
-- balance through that entry: where "what is owed now" starts (billing/amount_owed.h).
SELECT b.number, b.due_date, b.previous_balance_cents, b.charges_cents, b.budget_deferred_cents,
       b.arrangement_deferred_cents, e.id,
       (SELECT CAST(COALESCE(SUM(t.amount_cents), 0) AS BIGINT) FROM ledger_entries t
        WHERE t.account_id = b.account_id AND t.id <= e.id),
       b.bill_date
FROM bills b
JOIN ledger_entries e
  ON e.account_id = b.account_id AND e.kind = 'bill' AND e.reference = CAST(b.number AS TEXT)
WHERE b.account_id = :account AND b.status = 'released'
ORDER BY b.id DESC LIMIT 1
