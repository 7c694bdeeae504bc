-- The bill hold queue: held bills, oldest first, after bill id :after (cursor pagination), each
-- filter applying when given: an open hold's reason (''), the drafting run's cycle (0), dated on
-- or before a day (''), charges within [:least, :most].
SELECT b.id, b.number, b.status, b.period_start, b.period_end, b.bill_date, b.due_date,
       b.previous_balance_cents, b.charges_cents, b.estimated, b.final, b.replaces_bill_id,
       (SELECT r.number FROM bills r WHERE r.id = b.replaces_bill_id) AS replaces_bill_number,
       b.bill_run_id, a.number AS account_number, b.cancel_reason, b.budget_asked_cents,
       b.budget_deferred_cents, b.arrangement_installment_cents, b.arrangement_deferred_cents,
       run.cycle
FROM bills b
JOIN accounts a ON a.id = b.account_id
LEFT JOIN bill_runs run ON run.id = b.bill_run_id
WHERE b.status = 'held' AND b.id > :after
  AND (:reason = '' OR EXISTS (SELECT 1 FROM bill_holds h
                               WHERE h.bill_id = b.id AND h.status = 'open'
                                 AND h.reason = :same_reason))
  AND (:cycle = 0 OR run.cycle = :same_cycle)
  AND (:billed_by = '' OR b.bill_date <= :same_billed_by)
  AND b.charges_cents >= :least AND b.charges_cents <= :most
ORDER BY b.id LIMIT :limit
