-- An account's bills that were sent (released, or cancelled after release), newest first, before
-- bill id :before (cursor pagination). The columns are those of every bill summary query.
SELECT b.id, b.number, b.status, b.period_start, b.period_end, b.bill_date, b.due_date,
       b.previous_balance_cents, b.charges_cents, b.estimated, b.final, b.replaces_bill_id,
       (SELECT r.number FROM bills r WHERE r.id = b.replaces_bill_id) AS replaces_bill_number,
       b.bill_run_id, a.number AS account_number, b.cancel_reason, b.budget_asked_cents,
       b.budget_deferred_cents, b.arrangement_installment_cents, b.arrangement_deferred_cents
FROM bills b JOIN accounts a ON a.id = b.account_id
WHERE a.number = :account AND b.number IS NOT NULL AND b.id < :before
ORDER BY b.id DESC LIMIT :limit
