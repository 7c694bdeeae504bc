-- The bill hold queue: held bills, oldest first, after bill id :after (cursor pagination).
SELECT b.id, b.number, b.status, b.period_start, b.period_end, b.bill_date, b.due_date,
       b.previous_balance_cents, b.charges_cents, b.estimated, b.final, b.replaces_bill_id,
       (SELECT r.number FROM bills r WHERE r.id = b.replaces_bill_id) AS replaces_bill_number,
       b.bill_run_id, a.number AS account_number, b.cancel_reason, b.budget_asked_cents,
       b.budget_deferred_cents, b.arrangement_installment_cents, b.arrangement_deferred_cents
FROM bills b JOIN accounts a ON a.id = b.account_id
WHERE b.status = 'held' AND b.id > :after
ORDER BY b.id LIMIT :limit
