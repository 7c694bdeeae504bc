-- The released bills of a run that the generator has not paid yet (its payments carry the key
-- system:generate:<bill id>), with what was due on them.
SELECT b.id, b.account_id, b.number, b.bill_date, b.previous_balance_cents, b.charges_cents
FROM bills b
WHERE b.bill_run_id = :run AND b.status = 'released'
  AND NOT EXISTS (SELECT 1 FROM payments p
                  WHERE p.idempotency_key = 'system:generate:' || CAST(b.id AS TEXT))
ORDER BY b.id
